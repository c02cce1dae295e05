// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/XmlLineWriter.h"

#include <QXmlStreamReader>

namespace fsd {

namespace {

const QLatin1String PreprocessMarker("x-pre-process");

bool needsEscape(const QString &text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == '&' || u == '<' || u == '>' || u == '"' || u == '\'')
            return true;
    }
    return text.contains(PreprocessMarker, Qt::CaseInsensitive);
}

// True when the '-' at `index` is the one after the "x" of "x-pre-process" (any case).
bool isPreprocessMarkerDash(const QString &text, qsizetype index)
{
    if (index < 1)
        return false;
    return QStringView(text).mid(index - 1).startsWith(PreprocessMarker, Qt::CaseInsensitive);
}

bool containsPreprocessMarker(QStringView text)
{
    return text.contains(PreprocessMarker, Qt::CaseInsensitive);
}

// Rewrites a kept XML fragment one element per line. An element still open whose start tag is
// not written yet is "pending": it becomes <name/> or <name>text</name> when it closes without
// child elements.
class FragmentWriter
{
public:
    explicit FragmentWriter(int baseDepth)
        : m_baseDepth(baseDepth)
    {
    }

    bool write(const QString &xml);
    const QByteArray &output() const { return m_out; }

private:
    struct Element
    {
        QByteArray name;
        QList<QPair<QByteArray, QString>> attributes;
        QString text;
    };

    void indent(qsizetype depth) { m_out.append(QByteArray((m_baseDepth + depth) * 2, ' ')); }
    void writeTag(const Element &element, const char *end);
    void flushPending();
    void start(const QXmlStreamReader &reader);
    void characters(const QString &text);
    void end();
    void skipElement(QXmlStreamReader &reader);

    QByteArray m_out;
    QList<Element> m_open;
    bool m_pending = false;
    int m_baseDepth = 0;
};

bool FragmentWriter::write(const QString &xml)
{
    // A wrapper element lets the fragment hold several top-level elements.
    QXmlStreamReader reader(QStringLiteral("<fragment>") + xml + QStringLiteral("</fragment>"));
    reader.readNextStartElement();
    int depth = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            // An element named like a preprocessor command would run as one in FreeSWITCH.
            if (containsPreprocessMarker(reader.qualifiedName())) {
                skipElement(reader);
                continue;
            }
            start(reader);
            ++depth;
        } else if (token == QXmlStreamReader::Characters && !reader.isWhitespace() && depth > 0) {
            characters(reader.text().toString());
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 0)
                break; // </fragment>
            end();
            --depth;
        }
    }
    return !reader.hasError() && m_open.isEmpty();
}

void FragmentWriter::skipElement(QXmlStreamReader &reader)
{
    int nested = 1;
    while (nested > 0 && !reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement)
            ++nested;
        else if (token == QXmlStreamReader::EndElement)
            --nested;
    }
}

void FragmentWriter::writeTag(const Element &element, const char *end)
{
    indent(m_open.size() - 1);
    m_out.append('<');
    m_out.append(element.name);
    for (const auto &attribute : element.attributes) {
        m_out.append(' ');
        m_out.append(attribute.first);
        m_out.append("=\"");
        XmlLineWriter::appendEscaped(m_out, attribute.second);
        m_out.append('"');
    }
    m_out.append(end);
}

void FragmentWriter::flushPending()
{
    if (!m_pending)
        return;
    Element &element = m_open.last();
    writeTag(element, ">\n");
    if (!element.text.isEmpty()) {
        indent(m_open.size());
        XmlLineWriter::appendEscaped(m_out, element.text);
        m_out.append('\n');
        element.text.clear();
    }
    m_pending = false;
}

void FragmentWriter::start(const QXmlStreamReader &reader)
{
    flushPending();
    Element element;
    element.name = reader.qualifiedName().toUtf8();
    for (const QXmlStreamAttribute &attribute : reader.attributes()) {
        if (!containsPreprocessMarker(attribute.qualifiedName()))
            element.attributes.append({attribute.qualifiedName().toUtf8(),
                                       attribute.value().toString()});
    }
    m_open.append(element);
    m_pending = true;
}

void FragmentWriter::characters(const QString &text)
{
    if (m_pending) {
        m_open.last().text += text;
        return;
    }
    indent(m_open.size());
    XmlLineWriter::appendEscaped(m_out, text);
    m_out.append('\n');
}

void FragmentWriter::end()
{
    const Element &element = m_open.last();
    if (m_pending && element.text.isEmpty()) {
        writeTag(element, "/>\n");
    } else if (m_pending) {
        writeTag(element, ">");
        XmlLineWriter::appendEscaped(m_out, element.text);
        m_out.append("</" + element.name + ">\n");
    } else {
        indent(m_open.size() - 1);
        m_out.append("</" + element.name + ">\n");
    }
    m_pending = false;
    m_open.removeLast();
}

} // namespace

XmlLineWriter::XmlLineWriter()
{
    m_out.reserve(4096);
    m_out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
}

void XmlLineWriter::appendEscaped(QByteArray &out, const QString &text)
{
    if (!needsEscape(text)) {
        out.append(text.toUtf8());
        return;
    }
    QString escaped;
    escaped.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '&': escaped += QLatin1String("&amp;"); break;
        case '<': escaped += QLatin1String("&lt;"); break;
        case '>': escaped += QLatin1String("&gt;"); break;
        case '"': escaped += QLatin1String("&quot;"); break;
        case '\'': escaped += QLatin1String("&apos;"); break;
        case '-':
            escaped += isPreprocessMarkerDash(text, i) ? QStringLiteral("&#45;") : QString(c);
            break;
        case 0:
            // NOTE: FreeSWITCH strings end at NUL, so a NUL in a stored value is dropped.
            break;
        default:
            if (c.unicode() < 0x20)
                escaped += QStringLiteral("&#%1;").arg(c.unicode());
            else
                escaped += c;
        }
    }
    out.append(escaped.toUtf8());
}

void XmlLineWriter::writeIndent()
{
    // Two spaces per level below <document>.
    m_out.append(QByteArray((m_open.size()) * 2, ' '));
}

void XmlLineWriter::writeStartTag(QLatin1String name, const QList<Attribute> &attributes,
                                  bool empty)
{
    writeIndent();
    m_out.append('<');
    m_out.append(name.data(), name.size());
    for (const Attribute &attribute : attributes) {
        m_out.append(' ');
        m_out.append(attribute.name.data(), attribute.name.size());
        m_out.append("=\"");
        appendEscaped(m_out, attribute.value);
        m_out.append('"');
    }
    m_out.append(empty ? "/>\n" : ">\n");
}

void XmlLineWriter::startElement(QLatin1String name, const QList<Attribute> &attributes)
{
    writeStartTag(name, attributes, false);
    m_open.append(name);
}

void XmlLineWriter::emptyElement(QLatin1String name, const QList<Attribute> &attributes)
{
    writeStartTag(name, attributes, true);
}

void XmlLineWriter::endElement()
{
    if (m_open.isEmpty())
        return;
    const QLatin1String name = m_open.takeLast();
    writeIndent();
    m_out.append("</");
    m_out.append(name.data(), name.size());
    m_out.append(">\n");
}

QByteArray XmlLineWriter::finish()
{
    while (!m_open.isEmpty())
        endElement();
    return std::move(m_out);
}

bool XmlLineWriter::writeFragment(const QString &xml)
{
    if (xml.trimmed().isEmpty())
        return true;
    FragmentWriter fragment(int(m_open.size()));
    if (!fragment.write(xml))
        return false;
    m_out.append(fragment.output());
    return true;
}

} // namespace fsd
