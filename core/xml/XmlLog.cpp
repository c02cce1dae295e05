// SPDX-License-Identifier: MPL-2.0
#include "core/xml/XmlLog.h"

Q_LOGGING_CATEGORY(lcXml, "fsdirector.xml", QtInfoMsg)
