// SPDX-License-Identifier: MPL-2.0
#include "core/net/JsonWriter.h"

#include <QCborValue>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace fsd {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

// Maximum bytes that one UTF-16 code unit becomes: a lone surrogate written as \uXXXX.
constexpr qsizetype MaxBytesPerCodeUnit = 6;

// Unused buffer capacity above which compact() shrinks the result to its size.
constexpr qsizetype MaxUnusedBytes = 64 * 1024;

// Writes `unit` as \uXXXX with lower-case hex digits, as Qt does for a character without a
// short escape and for a lone surrogate. Returns the position after it.
char *writeUnicodeEscape(char *out, char16_t unit)
{
    *out++ = '\\';
    *out++ = 'u';
    *out++ = HexDigits[(unit >> 12) & 0xf];
    *out++ = HexDigits[(unit >> 8) & 0xf];
    *out++ = HexDigits[(unit >> 4) & 0xf];
    *out++ = HexDigits[unit & 0xf];
    return out;
}

// Writes an ASCII character that JSON requires to be escaped: '"', '\\' or a control character.
char *writeEscapedAscii(char *out, char16_t unit)
{
    char shortForm = 0;
    switch (unit) {
    case u'"': shortForm = '"'; break;
    case u'\\': shortForm = '\\'; break;
    case u'\b': shortForm = 'b'; break;
    case u'\f': shortForm = 'f'; break;
    case u'\n': shortForm = 'n'; break;
    case u'\r': shortForm = 'r'; break;
    case u'\t': shortForm = 't'; break;
    default: return writeUnicodeEscape(out, unit);
    }
    *out++ = '\\';
    *out++ = shortForm;
    return out;
}

} // namespace

QByteArray JsonWriter::compact(const QJsonObject &object)
{
    JsonWriter writer;
    writer.m_buffer.resize(1024);
    writer.writeObject(object);
    writer.m_buffer.resize(writer.m_size);
    // Doubling leaves up to half the buffer unused. Large replies such as Get_users (21 MB for
    // 100,000 users) give it back, and small ones skip the copy that this takes.
    if (writer.m_buffer.capacity() - writer.m_size > MaxUnusedBytes)
        writer.m_buffer.squeeze();
    return std::move(writer.m_buffer);
}

char *JsonWriter::reserve(qsizetype count)
{
    if (m_size + count > m_buffer.size())
        m_buffer.resize(std::max(m_buffer.size() * 2, m_size + count));
    return m_buffer.data() + m_size;
}

void JsonWriter::writeChar(char c)
{
    *reserve(1) = c;
    ++m_size;
}

void JsonWriter::writeAscii(const char *text, qsizetype length)
{
    std::memcpy(reserve(length), text, size_t(length));
    m_size += length;
}

void JsonWriter::writeObject(const QJsonObject &object)
{
    writeChar('{');
    bool first = true;
    for (auto it = object.constBegin(), end = object.constEnd(); it != end; ++it) {
        if (!first)
            writeChar(',');
        first = false;
        writeString(it.key());
        writeChar(':');
        writeValue(it.value());
    }
    writeChar('}');
}

void JsonWriter::writeArray(const QJsonArray &array)
{
    writeChar('[');
    bool first = true;
    for (const QJsonValue &value : array) {
        if (!first)
            writeChar(',');
        first = false;
        writeValue(value);
    }
    writeChar(']');
}

void JsonWriter::writeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        if (value.toBool())
            writeAscii("true", 4);
        else
            writeAscii("false", 5);
        return;
    case QJsonValue::Double:
        return writeNumber(value);
    case QJsonValue::String:
        return writeString(value.toString());
    case QJsonValue::Object:
        return writeObject(value.toObject());
    case QJsonValue::Array:
        return writeArray(value.toArray());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    writeAscii("null", 4);
}

void JsonWriter::writeNumber(const QJsonValue &value)
{
    // QJsonValue reports integers and doubles alike as Double. Qt stores them as different CBOR
    // types and writes them differently (2^60 as an integer has every digit), so the stored
    // type decides.
    const QCborValue number = QCborValue::fromJsonValue(value);
    QByteArray text;
    if (number.isInteger()) {
        text = QByteArray::number(number.toInteger());
    } else if (std::isfinite(number.toDouble())) {
        text = QByteArray::number(number.toDouble(), 'g', QLocale::FloatingPointShortest);
    } else {
        // JSON has no infinity or NaN.
        text = QByteArrayLiteral("null");
    }
    writeAscii(text.constData(), text.size());
}

void JsonWriter::writeString(QStringView text)
{
    char *const start = reserve(text.size() * MaxBytesPerCodeUnit + 2);
    char *out = start;
    *out++ = '"';
    const char16_t *in = text.utf16();
    const char16_t *const end = in + text.size();
    while (in != end) {
        const char16_t unit = *in++;
        if (unit < 0x80) {
            if (unit >= 0x20 && unit != u'"' && unit != u'\\')
                *out++ = char(unit);
            else
                out = writeEscapedAscii(out, unit);
        } else if (unit < 0x800) {
            *out++ = char(0xc0 | (unit >> 6));
            *out++ = char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit) && in != end && QChar::isLowSurrogate(*in)) {
            const char32_t codePoint = QChar::surrogateToUcs4(unit, *in++);
            *out++ = char(0xf0 | (codePoint >> 18));
            *out++ = char(0x80 | ((codePoint >> 12) & 0x3f));
            *out++ = char(0x80 | ((codePoint >> 6) & 0x3f));
            *out++ = char(0x80 | (codePoint & 0x3f));
        } else if (QChar::isSurrogate(unit)) {
            // A lone surrogate has no UTF-8 form.
            out = writeUnicodeEscape(out, unit);
        } else {
            *out++ = char(0xe0 | (unit >> 12));
            *out++ = char(0x80 | ((unit >> 6) & 0x3f));
            *out++ = char(0x80 | (unit & 0x3f));
        }
    }
    *out++ = '"';
    m_size += out - start;
}

} // namespace fsd
