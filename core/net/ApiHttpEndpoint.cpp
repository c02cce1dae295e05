// SPDX-License-Identifier: MPL-2.0
#include "core/net/ApiHttpEndpoint.h"

#include "core/events/DispatchQueue.h"
#include "core/events/QuickReads.h"
#include "core/net/ApiJson.h"
#include "core/net/NetLog.h"

namespace fsd {

namespace {

HttpResponse jsonResponse(int status, const QJsonObject &reply)
{
    return HttpResponse::json(status, ApiJson::toBytes(reply));
}

QJsonObject noneError(const QString &error, const QString &detail)
{
    return QJsonObject{{QStringLiteral("MessageType"), QStringLiteral("none")},
                       {QStringLiteral("error"), error},
                       {QStringLiteral("detail"), detail}};
}

} // namespace

ApiHttpEndpoint::ApiHttpEndpoint(DispatchQueue &queue, QuickReads *quickReads, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_quickReads(quickReads)
{
}

void ApiHttpEndpoint::handle(const HttpRequest &request, HttpResponder responder)
{
    if (request.path != Path) {
        qCInfo(lcNet).noquote() << "Rejected" << QString::fromLatin1(request.method)
                                << QString::fromUtf8(request.path.left(200)) << "from"
                                << request.peer() << "- not found";
        return responder.send(jsonResponse(
            404, noneError(QStringLiteral("not found"),
                           QStringLiteral("The API is served at POST /api/v1 and WebSocket /ws."))));
    }
    if (request.method != "POST") {
        qCInfo(lcNet).noquote() << "Rejected" << QString::fromLatin1(request.method)
                                << "/api/v1 from" << request.peer() << "- method not allowed";
        HttpResponse response = jsonResponse(
            405, noneError(QStringLiteral("method not allowed"),
                           QStringLiteral("Send API requests with POST.")));
        response.headers.emplaceBack("Allow", "POST");
        return responder.send(response);
    }

    QString detail;
    const std::optional<QJsonObject> body = ApiJson::parseRequest(request.body, &detail);
    if (!body) {
        qCInfo(lcNet).noquote() << "Rejected a request from" << request.peer() << "-" << detail;
        return responder.send(jsonResponse(400, ApiJson::invalidRequest(detail)));
    }

    RequestContext context;
    context.peer = formatAddress(request.peerAddress);
    // A pipelined request waits for the earlier ones, so that it reads their changes.
    if (m_quickReads && request.pendingBefore == 0) {
        if (const auto outcome = m_quickReads->tryDispatch(*body, context)) {
            return responder.send(
                jsonResponse(ApiJson::httpStatus(outcome->reply), outcome->reply));
        }
    }
    m_queue.submit(*body, context, this, [responder](const DispatchOutcome &outcome) {
        responder.send(jsonResponse(ApiJson::httpStatus(outcome.reply), outcome.reply));
    });
}

} // namespace fsd
