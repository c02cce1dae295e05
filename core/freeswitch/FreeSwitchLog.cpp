// SPDX-License-Identifier: MPL-2.0
#include "core/freeswitch/FreeSwitchLog.h"

Q_LOGGING_CATEGORY(lcFreeSwitch, "fsdirector.freeswitch", QtInfoMsg)
