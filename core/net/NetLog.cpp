// SPDX-License-Identifier: MPL-2.0
#include "core/net/NetLog.h"

Q_LOGGING_CATEGORY(lcNet, "fsdirector.net", QtInfoMsg)
