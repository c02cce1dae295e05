// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd::xml {

// Escapes a value for a double-quoted attribute or for element content in XML that
// FreeSWITCH will read: & < > " become entities, and line breaks and tabs become character
// references, so that they survive attribute-value normalisation and the value stays on one
// line. "X-PRE-PROCESS" inside a value gets its '-' as "&#45;", because FreeSWITCH's
// preprocessor drops every line that contains that word before any XML parsing.
QString escapeXmlValue(const QString &value);

} // namespace fsd::xml
