// SPDX-License-Identifier: MPL-2.0
#include "core/freeswitch/EslParser.h"

namespace fsd::freeswitch {

namespace {

QList<QPair<QByteArray, QByteArray>> parseHeaders(QByteArrayView block, bool urlDecoded)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : block.toByteArray().split('\n')) {
        const QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
        const qsizetype colon = trimmed.indexOf(':');
        if (colon <= 0)
            continue;
        QByteArray value = trimmed.mid(colon + 1).trimmed();
        if (urlDecoded)
            value = QByteArray::fromPercentEncoding(value);
        headers.append({trimmed.left(colon).trimmed(), value});
    }
    return headers;
}

} // namespace

QList<EslMessage> EslParser::feed(const QByteArray &bytes)
{
    m_buffer.append(bytes);
    QList<EslMessage> messages;
    while (true) {
        const qsizetype end = m_buffer.indexOf("\n\n");
        if (end < 0)
            break;
        EslMessage message;
        message.headers = parseHeaders(QByteArrayView(m_buffer).first(end), false);
        bool lengthOk = false;
        const qsizetype length = message.header("Content-Length").toLongLong(&lengthOk);
        const qsizetype bodyStart = end + 2;
        if (lengthOk && length > 0) {
            if (m_buffer.size() < bodyStart + length)
                break;
            message.body = m_buffer.mid(bodyStart, length);
            m_buffer.remove(0, bodyStart + length);
        } else {
            m_buffer.remove(0, bodyStart);
        }
        messages.append(message);
    }
    return messages;
}

EslMessage EslParser::parseEventBody(const QByteArray &body)
{
    EslMessage event;
    const qsizetype end = body.indexOf("\n\n");
    event.headers = parseHeaders(end < 0 ? QByteArrayView(body) : QByteArrayView(body).first(end),
                                 true);
    if (end >= 0)
        event.body = body.mid(end + 2);
    return event;
}

} // namespace fsd::freeswitch
