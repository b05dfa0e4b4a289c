#pragma once

class QWidget;

namespace oc::ui {

// The user guide (docs/user-guide.md, compiled in) in a window of its own, and the About box.
void showUserGuide(QWidget *parent);
void showAbout(QWidget *parent);

} // namespace oc::ui
