// SPDX-License-Identifier: MPL-2.0
#include "core/events/DispatchQueue.h"

#include "core/events/Dispatcher.h"

#include <QThread>

namespace fsd {

DispatchQueue::DispatchQueue(Dispatcher *dispatcher, QObject *parent)
    : QObject(parent)
    , m_dispatcher(dispatcher)
{
    connect(dispatcher, &Dispatcher::changeCommitted, this, &DispatchQueue::changeCommitted);
    connect(dispatcher, &Dispatcher::tokenEnded, this, &DispatchQueue::tokenEnded);
}

void DispatchQueue::submit(const QJsonObject &request, const RequestContext &context,
                           QObject *receiver, std::function<void(const DispatchOutcome &)> done)
{
    QPointer<QObject> target(receiver);
    // A receiver on the queue's own thread (the GUI and the API server) is checked on that
    // thread, where it is also deleted: the dispatcher's thread only posts to the queue,
    // which outlives every request. Checking a QPointer on another thread than the one that
    // deletes its object races with the deletion.
    QObject *relay = receiver && receiver->thread() == thread() ? static_cast<QObject *>(this)
                                                                : receiver;
    QMetaObject::invokeMethod(
        m_dispatcher,
        [dispatcher = m_dispatcher, request, context, target, relay = QPointer<QObject>(relay),
         done = std::move(done)]() {
            DispatchOutcome outcome = dispatcher->dispatch(request, context);
            if (!relay)
                return;
            QMetaObject::invokeMethod(
                relay.data(),
                [outcome, target, done]() {
                    if (target)
                        done(outcome);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

bool DispatchQueue::isTokenValid(const QByteArray &tokenHash)
{
    bool valid = false;
    const auto type = m_dispatcher->thread() == QThread::currentThread()
        ? Qt::DirectConnection
        : Qt::BlockingQueuedConnection;
    QMetaObject::invokeMethod(
        m_dispatcher, [&]() { valid = m_dispatcher->isTokenValid(tokenHash); }, type);
    return valid;
}

} // namespace fsd
