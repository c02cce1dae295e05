// SPDX-License-Identifier: MPL-2.0
#include "core/events/LiveStatePublisher.h"

#include "core/events/Dispatcher.h"
#include "core/events/EventsLog.h"
#include "core/events/LiveStateEvents.h"

namespace fsd {

LiveStatePublisher::LiveStatePublisher(Dispatcher &dispatcher,
                                       std::shared_ptr<const freeswitch::LiveState> state,
                                       QObject *parent)
    : QObject(parent)
    , m_dispatcher(dispatcher)
    , m_state(std::move(state))
{
}

void LiveStatePublisher::publishUsers(const QStringList &userKeys)
{
    auto message = LiveStateEvents::partialUsersMessage(m_dispatcher.database(),
                                                        m_state->snapshot(), userKeys);
    if (!message) {
        qCWarning(lcEvents).noquote() << "Cannot send the live state of" << userKeys.size()
                                      << "users to clients:" << message.error().detail;
        return;
    }
    if (!message->isEmpty())
        m_dispatcher.broadcast(*message);
}

void LiveStatePublisher::publishStatus()
{
    m_dispatcher.broadcast(LiveStateEvents::statusMessage(m_state->status()));
}

} // namespace fsd
