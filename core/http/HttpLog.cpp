// SPDX-License-Identifier: MPL-2.0
#include "core/http/HttpLog.h"

Q_LOGGING_CATEGORY(lcHttp, "fsdirector.http", QtInfoMsg)
