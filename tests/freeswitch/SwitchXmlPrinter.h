// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace fsd::test {

// Prints XML as FreeSWITCH prints a parsed tree (switch_xml_toxml with UTF-8 encoding on, in
// src/switch_xml.c of FreeSWITCH 1.10 and 1.11), so that the Event Socket test double replies
// to `xml_locate` with FreeSWITCH's bytes.
//
// FreeSWITCH's parser keeps an element's character content as one string (comments removed,
// references decoded) and remembers where in it each child starts. The printer then writes:
// - the parent's text up to each child, then the child: a newline first when the output ends
//   in '>', two spaces per nesting level, and the start tag, always followed by "</name>\n"
//   (never "<name/>"); the rest of the parent's text after the last child;
// - a close tag indented by the element's level when the output before it ends in '\n';
// - text and attribute values escaped by switch_xml_ampencode, see ampencode().
class SwitchXmlPrinter
{
public:
    // Parses `xml` and prints the element that `path` names (child element names from the
    // root, e.g. {"document", "section"}) as switch_xml_toxml(element, SWITCH_FALSE) prints
    // it. Returns nothing when the text is not well-formed or the element is missing.
    static std::optional<QByteArray> print(const QString &xml, const QList<QByteArray> &path);

    // switch_xml_ampencode on UTF-8 bytes: & < > become entities, and in attribute values
    // also " and line feed and tab ("&quot;", "&#xA;", "&#x9;"); carriage return becomes
    // "&#xD;" everywhere and each non-ASCII character "&#xHEX;" (upper case). "<!" stops
    // the escaping for the rest of the string. ' is never escaped.
    static QByteArray ampencode(QByteArrayView text, bool attribute);
};

} // namespace fsd::test
