// SPDX-License-Identifier: MPL-2.0
#include "core/events/LocalEventChannel.h"

#include "core/events/DispatchQueue.h"

namespace fsd {

LocalEventChannel::LocalEventChannel(DispatchQueue *queue, QString location, QObject *parent)
    : EventChannel(parent)
    , m_queue(queue)
    , m_location(std::move(location))
{
    connect(queue, &DispatchQueue::changeCommitted, this,
            [this](const QJsonObject &message, quint64 origin) {
                if (origin == originId())
                    return;
                QJsonObject pushed = message;
                pushed.remove(QStringLiteral("request_id"));
                pushed.insert(QStringLiteral("push"), true);
                emit this->pushed(pushed);
            });
}

void LocalEventChannel::send(const QJsonObject &request, QObject *context, ReplyCallback onReply)
{
    RequestContext requestContext;
    requestContext.local = true;
    requestContext.originId = originId();
    m_queue->submit(request, requestContext, context,
                    [onReply = std::move(onReply)](const DispatchOutcome &outcome) {
                        onReply(outcome.reply);
                    });
}

} // namespace fsd
