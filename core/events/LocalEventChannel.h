// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/events/EventChannel.h"

namespace fsd {

class DispatchQueue;

// The GUI's channel to the database of this process: requests run on the dispatcher as the
// local operator, and changes made by other clients (the API, the command line) arrive as
// pushes, as they would over a WebSocket.
class LocalEventChannel : public EventChannel
{
    Q_OBJECT

public:
    // `queue` is not owned and must outlive the channel.
    LocalEventChannel(DispatchQueue *queue, QString location, QObject *parent = nullptr);

    void send(const QJsonObject &request, QObject *context, ReplyCallback onReply) override;
    QString location() const override { return m_location; }
    State state() const override { return State::Connected; }

private:
    quint64 originId() const { return reinterpret_cast<quintptr>(this); }

    DispatchQueue *m_queue;
    QString m_location;
};

} // namespace fsd
