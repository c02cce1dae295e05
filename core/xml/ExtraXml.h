// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace fsd::xml {

// Elements the directory does not model (<vcard>, <skinny>, ...) in the one form the database
// stores them, whatever layout the source had. A file import, an import from a live
// FreeSWITCH (whose `xml_locate` reprints every element, see switch_xml_toxml) and a
// re-import of an export therefore store the same text.
//
// The canonical form puts each element on a line of its own, indented by two spaces per
// level, with its attributes in source order. An element without content is written
// "<name/>", and one that contains only text "<name>text</name>". Comments and processing
// instructions are dropped, as FreeSWITCH's parser drops them. CDATA becomes escaped text.
// Text is trimmed of XML whitespace and whitespace-only text is dropped, because FreeSWITCH
// reprints the whitespace around elements its own way. Text and attribute values are
// escaped by escapeXmlValue(), so no value spans two lines for FreeSWITCH's line-by-line
// preprocessor.
class ExtraXml
{
public:
    // Rewrites `xml`, one or more elements, in canonical form with its top-level elements
    // indented by `depth` levels. Lines are separated by '\n', with none at the end. Returns
    // nothing when `xml` is not well-formed.
    static std::optional<QString> canonical(QStringView xml, int depth = 0);
};

} // namespace fsd::xml
