#pragma once

// Helpers shared by the ui test programs: temporary folders, image files, and answering the window's
// modal questions the way a person would (by clicking the button), so flows go through the real dialogs.

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QTimer>

#include <functional>

namespace oc::ui::test {

// Writes `size` bytes of seeded pseudo-random data (never a text file, never all one value).
inline QByteArray writeImage(const QString &path, qint64 size, quint32 seed = 1)
{
    QByteArray data(int(size), Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return QByteArray();
    return data;
}

// Clicks the button with `role` of the next modal message box named `objectName` (any name if
// empty) as soon as it is shown; records its text in `*text` if given. Gives up after `timeoutMs`.
inline void answerNextMessageBox(const QString &objectName, QMessageBox::ButtonRole role,
                                 QString *text = nullptr, int timeoutMs = 10000)
{
    auto *timer = new QTimer(qApp);
    auto *waited = new int(0);
    QObject::connect(timer, &QTimer::timeout, qApp, [=] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        *waited += timer->interval();
        if (box && (objectName.isEmpty() || box->objectName() == objectName)) {
            if (text)
                *text = box->text();
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == role) {
                    button->click();
                    break;
                }
            }
        } else if (*waited < timeoutMs) {
            return;
        }
        timer->stop();
        timer->deleteLater();
        delete waited;
    });
    timer->start(10);
}

// Hands the next modal dialog named `objectName` to `act` as soon as it is shown (act fills its fields
// and clicks its buttons, as a person would). Gives up after `timeoutMs`.
inline void answerNextDialog(const QString &objectName, std::function<void(QDialog *)> act,
                             int timeoutMs = 10000)
{
    auto *timer = new QTimer(qApp);
    auto *waited = new int(0);
    QObject::connect(timer, &QTimer::timeout, qApp, [=] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        *waited += timer->interval();
        if (dialog && dialog->objectName() == objectName) {
            timer->stop();
            act(dialog);
        } else if (*waited < timeoutMs) {
            return;
        }
        timer->stop();
        timer->deleteLater();
        delete waited;
    });
    timer->start(10);
}

} // namespace oc::ui::test
