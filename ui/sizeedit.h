#pragma once

#include <QLineEdit>

#include <optional>

namespace oc::ui {

// A byte count or offset as people write them: 65536, 0x10000, 64K, 16M, 1G (K/M/G are binary).
// Shows invalid input in the palette's error style and says what it accepts in its tooltip.
class SizeEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit SizeEdit(QWidget *parent = nullptr);

    static std::optional<quint64> parse(const QString &text);
    std::optional<quint64> value() const { return parse(text()); }
    void setValue(quint64 bytes);
    bool isValid() const { return value().has_value(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateStyle();
};

} // namespace oc::ui
