// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/events/DispatchOutcome.h"
#include "core/events/RequestContext.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace fsd {

class Dispatcher;

// Hands requests to a Dispatcher that lives on another thread (or on the same one) and brings
// the outcome back to the caller's thread. Requests run in submission order, so replies to one
// connection keep the order of its requests.
class DispatchQueue : public QObject
{
    Q_OBJECT

public:
    // `dispatcher` is not owned and must outlive the queue.
    explicit DispatchQueue(Dispatcher *dispatcher, QObject *parent = nullptr);

    // Runs `request` on the dispatcher's thread, then calls `done` on the thread of `receiver`.
    // Nothing is called when `receiver` is destroyed first.
    void submit(const QJsonObject &request, const RequestContext &context, QObject *receiver,
                std::function<void(const DispatchOutcome &)> done);

    // Thread-safe check of a token, run on the dispatcher's thread (blocks the caller briefly).
    bool isTokenValid(const QByteArray &tokenHash);

    Dispatcher *dispatcher() const { return m_dispatcher; }

signals:
    // Forwarded from the dispatcher; connections made to it are queued across threads.
    void changeCommitted(const QJsonObject &message, quint64 originId);
    void tokenEnded(const QByteArray &tokenHash);

private:
    Dispatcher *m_dispatcher;
};

} // namespace fsd
