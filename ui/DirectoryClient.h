// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/events/EventChannel.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace fsd::ui {

// The window's single way to the directory. It sends requests over the current EventChannel
// and passes every successful reply, and every message pushed by other clients, to
// messageReceived(), which the models and the detail pane apply. So a change looks the same
// whether this window made it or another client did.
class DirectoryClient : public QObject
{
    Q_OBJECT

public:
    explicit DirectoryClient(QObject *parent = nullptr);

    // `channel` is not owned. Switching channels reloads the whole directory.
    void setChannel(EventChannel *channel);
    EventChannel *channel() const { return m_channel; }
    EventChannel::State state() const;

    // Sends `request`. A successful reply first goes to messageReceived(), then to `onReply`
    // (when given and `context` still exists). Error replies go to `onReply` only.
    void send(const QJsonObject &request, QObject *context = nullptr,
              EventChannel::ReplyCallback onReply = {});

    // Requests every list (domains, users, gateways, groups) again; reloadFinished() follows
    // once all replies arrived. Models merge the lists, so expanded rows and the selection
    // survive.
    void reload();

signals:
    void messageReceived(const QJsonObject &message);
    void reloadFinished();
    // A reload request failed; `text` is the server's error.
    void reloadFailed(const QString &text);
    void stateChanged(fsd::EventChannel::State state);
    void channelChanged();

private:
    void handlePush(const QJsonObject &message);

    QPointer<EventChannel> m_channel;
    QMetaObject::Connection m_pushConnection;
    QMetaObject::Connection m_stateConnection;
    int m_pendingReloads = 0;
    bool m_reloadAgain = false;
    int m_generation = 0;
};

} // namespace fsd::ui
