// SPDX-License-Identifier: MPL-2.0
#include "ui/UiLog.h"

Q_LOGGING_CATEGORY(lcUi, "fsdirector.ui", QtInfoMsg)
