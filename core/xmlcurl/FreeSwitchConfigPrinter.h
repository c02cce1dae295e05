// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/xmlcurl/XmlCurlServerConfig.h"

#include <QString>

namespace fsd {

// Seconds mod_xml_curl waits for an answer before it gives up (its `timeout` parameter). Without
// it, mod_xml_curl waits forever and a stalled server stalls FreeSWITCH.
constexpr int RecommendedXmlCurlTimeoutSeconds = 5;

// Returns the text `fsdirector --print-freeswitch-config` prints for `config`: the
// xml_curl.conf.xml binding to paste into FreeSWITCH, the modules.conf.xml line that loads
// mod_xml_curl, and the advice to move the static directory files away after importing them.
// `actualPort`, when not 0, replaces the configured port (a listener on port 0).
QString printFreeSwitchConfig(const XmlCurlServerConfig &config, quint16 actualPort = 0);

} // namespace fsd
