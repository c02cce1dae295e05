// SPDX-License-Identifier: MPL-2.0
#include "tests/freeswitch/SwitchXmlPrinter.h"

#include <QList>
#include <QXmlStreamReader>

#include <memory>
#include <vector>

namespace fsd::test {

namespace {

// An element as FreeSWITCH's parser stores it (struct switch_xml).
struct Element
{
    QByteArray name;
    QList<QPair<QByteArray, QByteArray>> attributes;
    // All character content of the element, comments removed and references decoded.
    QByteArray text;
    // Where this element starts in its parent's `text`.
    qsizetype offset = 0;
    std::vector<std::unique_ptr<Element>> children;
};

std::unique_ptr<Element> parse(const QString &xml)
{
    QXmlStreamReader reader(xml);
    reader.setNamespaceProcessing(false);
    std::unique_ptr<Element> root;
    QList<Element *> open;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            auto element = std::make_unique<Element>();
            element->name = reader.qualifiedName().toUtf8();
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                element->attributes.append({attribute.qualifiedName().toUtf8(),
                                            attribute.value().toUtf8()});
            Element *raw = element.get();
            if (open.isEmpty()) {
                root = std::move(element);
            } else {
                element->offset = open.last()->text.size();
                open.last()->children.push_back(std::move(element));
            }
            open.append(raw);
            break;
        }
        case QXmlStreamReader::EndElement:
            open.removeLast();
            break;
        case QXmlStreamReader::Characters:
            // CDATA sections join the text too; whitespace outside the root element has no
            // element to go to.
            if (!open.isEmpty())
                open.last()->text += reader.text().toUtf8();
            break;
        default:
            // Comments, processing instructions and the DTD are not kept.
            break;
        }
    }
    if (reader.hasError())
        return {};
    return root;
}

// Port of the printing rules of switch_xml_toxml_r: the comments name the FreeSWITCH
// quirks that the output depends on.
class Printer
{
public:
    QByteArray print(const Element &root)
    {
        // The element printed is the root: none of its parent's text is printed.
        printElement(root);
        return m_out;
    }

private:
    void indent()
    {
        for (int i = 0; i < m_level; ++i)
            m_out += "  ";
    }

    // Appends the parent's text between `from` and `to`. FreeSWITCH passes the length to
    // switch_xml_ampencode, which reads a length of 0 as "up to the end of the string": two
    // siblings with no text between them repeat the rest of the parent's text.
    void printText(const QByteArray &text, qsizetype from, qsizetype to)
    {
        const QByteArrayView all(text);
        const qsizetype length = to - from;
        m_out += SwitchXmlPrinter::ampencode(
            length == 0 ? all.sliced(from) : all.sliced(from, length), false);
    }

    void printChildren(const Element &parent)
    {
        qsizetype start = 0;
        for (const auto &child : parent.children) {
            printText(parent.text, start, child->offset);
            printElement(*child);
            start = child->offset;
        }
        if (m_level > 0)
            --m_level;
        m_out += SwitchXmlPrinter::ampencode(QByteArrayView(parent.text).sliced(start), false);
    }

    void printElement(const Element &element)
    {
        if (m_out.endsWith('>'))
            m_out += '\n';
        indent();
        m_out += '<' + element.name;
        for (const auto &[name, value] : element.attributes)
            m_out += ' ' + name + "=\"" + SwitchXmlPrinter::ampencode(value, true) + '"';
        // FreeSWITCH's parser gives every element a text (an empty string at least), so the
        // printer never takes its "/>" branch.
        m_out += '>';
        if (!element.children.empty()) {
            ++m_level;
            printChildren(element);
        } else {
            m_out += SwitchXmlPrinter::ampencode(element.text, false);
        }
        if (m_out.endsWith('\n'))
            indent();
        m_out += "</" + element.name + ">\n";
    }

    QByteArray m_out;
    int m_level = 0;
};

} // namespace

std::optional<QByteArray> SwitchXmlPrinter::print(const QString &xml,
                                                   const QList<QByteArray> &path)
{
    const std::unique_ptr<Element> root = parse(xml);
    if (!root || path.isEmpty() || root->name != path.first())
        return std::nullopt;
    const Element *element = root.get();
    for (qsizetype i = 1; i < path.size(); ++i) {
        const Element *next = nullptr;
        for (const auto &child : element->children) {
            if (child->name == path.at(i)) {
                next = child.get();
                break;
            }
        }
        if (!next)
            return std::nullopt;
        element = next;
    }
    return Printer().print(*element);
}

QByteArray SwitchXmlPrinter::ampencode(QByteArrayView text, bool attribute)
{
    QByteArray out;
    out.reserve(text.size() + 16);
    bool verbatim = false;
    int pendingBytes = 0;
    uint codePoint = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text.at(i));
        if (verbatim) {
            out += char(byte);
            continue;
        }
        switch (byte) {
        case '&': out += "&amp;"; break;
        case '<':
            if (i + 1 < text.size() && text.at(i + 1) == '!') {
                out += '<';
                verbatim = true;
            } else {
                out += "&lt;";
            }
            break;
        case '>': out += "&gt;"; break;
        case '"': out += attribute ? "&quot;" : "\""; break;
        case '\n': out += attribute ? "&#xA;" : "\n"; break;
        case '\t': out += attribute ? "&#x9;" : "\t"; break;
        case '\r': out += "&#xD;"; break;
        default:
            if (pendingBytes == 0 && (byte & 0x80) != 0) {
                // The count of leading one bits gives the sequence length. FreeSWITCH drops
                // a byte that cannot start a sequence.
                int length = 1;
                while (length < 4 && ((byte >> (7 - length)) & 1) != 0)
                    ++length;
                codePoint = byte & (0xFFu >> (length + 1));
                pendingBytes = length >= 2 ? length - 1 : 0;
            } else if (pendingBytes > 0) {
                if ((byte >> 6) != 0x2) {
                    // A broken sequence: FreeSWITCH drops this byte and starts over.
                    pendingBytes = 0;
                    break;
                }
                codePoint = (codePoint << 6) | (byte & 0x3F);
                if (--pendingBytes == 0)
                    out += "&#x" + QByteArray::number(codePoint, 16).toUpper() + ';';
            } else {
                out += char(byte);
            }
        }
    }
    return out;
}

} // namespace fsd::test
