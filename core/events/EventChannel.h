// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace fsd {

// The GUI's line to a directory: in-process for a local database, or a WebSocket to a remote
// fsdirector. Both speak the API's JSON events, so the GUI code is the same for either.
class EventChannel : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    using ReplyCallback = std::function<void(const QJsonObject &reply)>;

    using QObject::QObject;

    // Sends one request. `onReply` runs on `context`'s thread with the reply, unless `context`
    // is gone. A failure, including a connection dropped first, is a reply with "error".
    virtual void send(const QJsonObject &request, QObject *context, ReplyCallback onReply) = 0;
    // Where the directory is: a database file path or a ws:// / wss:// URL.
    virtual QString location() const = 0;
    virtual State state() const = 0;

signals:
    // A change made by another client (or another channel of this process), as the message
    // that client received, with "push": true.
    void pushed(const QJsonObject &message);
    void stateChanged(fsd::EventChannel::State state);
};

} // namespace fsd
