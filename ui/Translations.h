// SPDX-License-Identifier: MPL-2.0
#pragma once

class QCoreApplication;

namespace fsd::ui {

// Loads the interface's translation for the system locale (fsdirector_<lang>.qm from the
// installed share/fsdirector/translations folder or the build folder) and Qt's own, when they
// exist, over the English plural forms, which every other language falls back to. Call after
// creating the application and before creating windows.
void installTranslations(QCoreApplication &application);

} // namespace fsd::ui
