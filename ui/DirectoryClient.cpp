// SPDX-License-Identifier: MPL-2.0
#include "ui/DirectoryClient.h"

#include "ui/ApiEvents.h"
#include "ui/UiLog.h"

namespace fsd::ui {

DirectoryClient::DirectoryClient(QObject *parent)
    : QObject(parent)
{
}

void DirectoryClient::setChannel(EventChannel *channel)
{
    disconnect(m_pushConnection);
    disconnect(m_stateConnection);
    m_channel = channel;
    // Replies to a reload on the previous channel no longer count.
    ++m_generation;
    m_pendingReloads = 0;
    m_reloadAgain = false;
    if (channel) {
        m_pushConnection = connect(channel, &EventChannel::pushed, this,
                                   &DirectoryClient::handlePush);
        m_stateConnection = connect(channel, &EventChannel::stateChanged, this,
                                    [this](EventChannel::State state) {
                                        emit stateChanged(state);
                                        // After a reconnection the lists may be stale.
                                        if (state == EventChannel::State::Connected)
                                            reload();
                                    });
    }
    emit channelChanged();
    emit stateChanged(this->state());
    if (channel && channel->state() == EventChannel::State::Connected)
        reload();
}

EventChannel::State DirectoryClient::state() const
{
    return m_channel ? m_channel->state() : EventChannel::State::Disconnected;
}

void DirectoryClient::send(const QJsonObject &request, QObject *context,
                           EventChannel::ReplyCallback onReply)
{
    if (!m_channel) {
        const QString event = request.value(QLatin1StringView("event")).toString();
        if (onReply && context)
            onReply(QJsonObject{{QStringLiteral("MessageType"), event},
                                {QStringLiteral("error"), tr("not connected")}});
        return;
    }
    QPointer<QObject> target(context);
    const bool wantsReply = bool(onReply) && context;
    m_channel->send(request, this,
                    [this, target, wantsReply, onReply = std::move(onReply)](const QJsonObject &reply) {
                        if (!Events::isError(reply))
                            emit messageReceived(reply);
                        if (wantsReply && target)
                            onReply(reply);
                    });
}

void DirectoryClient::reload()
{
    if (!m_channel)
        return;
    if (m_pendingReloads > 0) {
        // The lists in flight may predate the change that asked for this reload.
        m_reloadAgain = true;
        return;
    }
    // Domains come first because their list is small, so the trees show them at once. Gateways
    // need their users, so they come after the users; the channel keeps the order of requests.
    const QLatin1StringView lists[] = {Events::GetDomains, Events::GetUsers, Events::GetGateways,
                                       Events::GetGroups};
    m_pendingReloads = int(std::size(lists));
    const int generation = m_generation;
    for (QLatin1StringView event : lists) {
        send(Events::request(event), this, [this, generation](const QJsonObject &reply) {
            if (generation != m_generation)
                return;
            if (Events::isError(reply)) {
                qCWarning(lcUi) << "Reloading the directory failed:"
                                << Events::messageType(reply) << Events::errorText(reply);
                emit reloadFailed(Events::errorText(reply));
            }
            if (--m_pendingReloads > 0)
                return;
            emit reloadFinished();
            if (m_reloadAgain) {
                m_reloadAgain = false;
                reload();
            }
        });
    }
}

void DirectoryClient::handlePush(const QJsonObject &message)
{
    emit messageReceived(message);
    // An import reply lists only domains; the users, gateways and groups it brought in have
    // to be fetched.
    const QString type = Events::messageType(message);
    if (type == Events::ImportDomain || type == Events::ImportFromFreeSwitch
        || type == Events::ImportUser)
        reload();
}

} // namespace fsd::ui
