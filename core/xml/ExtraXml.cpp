// SPDX-License-Identifier: MPL-2.0
#include "core/xml/ExtraXml.h"

#include "core/xml/XmlEscape.h"

#include <QList>
#include <QStringList>
#include <QXmlStreamReader>

#include <memory>
#include <vector>

namespace fsd::xml {

namespace {

constexpr int IndentWidth = 2;

// FreeSWITCH's preprocessor runs a line that contains this word as a directive. Escaping
// cannot hide a name, so an element or attribute named with it is left out.
const QLatin1String PreprocessMarker("x-pre-process");

struct Node
{
    QString name;
    QList<QPair<QString, QString>> attributes;
    // Child elements and text runs in document order; a text run has an empty `name`.
    std::vector<std::unique_ptr<Node>> items;
    QString text;
};

bool isXmlSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
           || c == QLatin1Char('\r');
}

// Trims only the four XML whitespace characters: QString::trimmed() would also remove
// characters such as U+00A0 that belong to the text.
QString trimmedXmlSpace(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isXmlSpace(text.at(begin)))
        ++begin;
    while (end > begin && isXmlSpace(text.at(end - 1)))
        --end;
    return text.sliced(begin, end - begin);
}

// Reads the fragment into a tree. Text is collected across comments and processing
// instructions, because FreeSWITCH's parser joins the text on both sides of a comment.
class FragmentParser
{
public:
    std::unique_ptr<Node> parse(QStringView xml)
    {
        // A wrapper element lets the fragment hold several top-level elements.
        QXmlStreamReader reader(QStringLiteral("<fragment>") + xml.toString()
                                + QStringLiteral("</fragment>"));
        reader.setNamespaceProcessing(false);
        auto root = std::make_unique<Node>();
        int skipped = 0;
        while (!reader.atEnd()) {
            const QXmlStreamReader::TokenType token = reader.readNext();
            if (skipped > 0) {
                if (token == QXmlStreamReader::StartElement)
                    ++skipped;
                else if (token == QXmlStreamReader::EndElement)
                    --skipped;
                continue;
            }
            if (token == QXmlStreamReader::StartElement && m_open.isEmpty()) {
                m_open.append(root.get()); // the wrapper
            } else if (token == QXmlStreamReader::StartElement) {
                flushText();
                if (reader.qualifiedName().contains(PreprocessMarker, Qt::CaseInsensitive)) {
                    skipped = 1;
                    continue;
                }
                startElement(reader);
            } else if (token == QXmlStreamReader::EndElement) {
                flushText();
                m_open.removeLast();
            } else if (token == QXmlStreamReader::Characters) {
                m_text += reader.text();
            }
        }
        if (reader.hasError() || !m_open.isEmpty())
            return {};
        return root;
    }

private:
    void startElement(const QXmlStreamReader &reader)
    {
        auto element = std::make_unique<Node>();
        element->name = reader.qualifiedName().toString();
        for (const QXmlStreamAttribute &attribute : reader.attributes()) {
            if (attribute.qualifiedName().contains(PreprocessMarker, Qt::CaseInsensitive))
                continue;
            element->attributes.append({attribute.qualifiedName().toString(),
                                        attribute.value().toString()});
        }
        Node *raw = element.get();
        m_open.last()->items.push_back(std::move(element));
        m_open.append(raw);
    }

    void flushText()
    {
        const QString text = trimmedXmlSpace(m_text);
        m_text.clear();
        // Text outside every element of the fragment is not kept.
        if (text.isEmpty() || m_open.size() < 2)
            return;
        auto run = std::make_unique<Node>();
        run->text = text;
        m_open.last()->items.push_back(std::move(run));
    }

    QList<Node *> m_open;
    QString m_text;
};

void writeElement(const Node &element, int depth, QStringList &lines)
{
    const QString indent(depth * IndentWidth, QLatin1Char(' '));
    QString startTag = indent + QLatin1Char('<') + element.name;
    for (const auto &[name, value] : element.attributes)
        startTag += QStringLiteral(" %1=\"%2\"").arg(name, escapeXmlValue(value));

    if (element.items.empty()) {
        lines.append(startTag + QLatin1String("/>"));
        return;
    }
    const QString endTag = QStringLiteral("</%1>").arg(element.name);
    if (element.items.size() == 1 && element.items.front()->name.isEmpty()) {
        lines.append(startTag + QLatin1Char('>') + escapeXmlValue(element.items.front()->text)
                     + endTag);
        return;
    }
    lines.append(startTag + QLatin1Char('>'));
    for (const auto &item : element.items) {
        if (item->name.isEmpty())
            lines.append(QString((depth + 1) * IndentWidth, QLatin1Char(' '))
                         + escapeXmlValue(item->text));
        else
            writeElement(*item, depth + 1, lines);
    }
    lines.append(indent + endTag);
}

} // namespace

std::optional<QString> ExtraXml::canonical(QStringView xml, int depth)
{
    const std::unique_ptr<Node> fragment = FragmentParser().parse(xml);
    if (!fragment)
        return std::nullopt;
    QStringList lines;
    for (const auto &item : fragment->items)
        writeElement(*item, depth, lines);
    return lines.join(QLatin1Char('\n'));
}

} // namespace fsd::xml
