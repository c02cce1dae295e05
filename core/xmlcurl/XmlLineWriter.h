// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QList>
#include <QString>

namespace fsd {

// Writes an XML document that survives FreeSWITCH's preprocessor unchanged.
//
// FreeSWITCH 1.11.2 (switch_xml.c, preprocess) reads every answer line by line before parsing
// it: it drops each line containing "<?", "<include>" or "</include>", treats a line
// containing "X-pre-process" (any case) as a command line, and expands "$${name}". So this
// writer puts the declaration alone on the first line and every element on a line of its own,
// and escapes values so that no value can form those markers or break a line: & < > " ' and
// control characters become references, and the '-' of "x-pre-process" becomes "&#45;".
// "$${" in values is kept, for FreeSWITCH to expand from its own global variables.
// FreeSWITCH's parser decodes numeric references (switch_xml_decode), so values arrive as
// stored. Output is UTF-8.
class XmlLineWriter
{
public:
    struct Attribute
    {
        QLatin1String name;
        QString value;
    };

    // Starts the document with the XML declaration on a line of its own.
    XmlLineWriter();

    void startElement(QLatin1String name, const QList<Attribute> &attributes = {});
    void emptyElement(QLatin1String name, const QList<Attribute> &attributes = {});
    void endElement();

    // Writes `xml`, elements kept verbatim from an import (<vcard>, <skinny>, ...), one element
    // per line with its values escaped as above. Comments, processing instructions, and
    // elements or attributes whose name contains "x-pre-process" are left out. Returns false,
    // writing nothing, when `xml` is not well-formed.
    bool writeFragment(const QString &xml);

    // Closes every open element and returns the document.
    QByteArray finish();

    // Appends `text` escaped for an attribute value or element content.
    static void appendEscaped(QByteArray &out, const QString &text);

private:
    void writeIndent();
    void writeStartTag(QLatin1String name, const QList<Attribute> &attributes, bool empty);

    QByteArray m_out;
    QList<QLatin1String> m_open;
};

} // namespace fsd
