// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QLoggingCategory>

// fsdirector.xmlcurl: the mod_xml_curl listener and its lookup answers.
Q_DECLARE_LOGGING_CATEGORY(lcXmlCurl)
