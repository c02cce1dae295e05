// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/freeswitch/LiveState.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace fsd {

class Dispatcher;

// Turns live state changes into messages for every client: a partial `[Users] Get_users` for
// changed users and a `[FreeSWITCH] Get_status` message for connection changes. Lives on the
// dispatcher's thread, because the messages need the database to map user@domain to ids.
class LiveStatePublisher : public QObject
{
    Q_OBJECT

public:
    // `dispatcher` is not owned and must outlive the publisher.
    LiveStatePublisher(Dispatcher &dispatcher, std::shared_ptr<const freeswitch::LiveState> state,
                       QObject *parent = nullptr);

    void publishUsers(const QStringList &userKeys);
    void publishStatus();

private:
    Dispatcher &m_dispatcher;
    std::shared_ptr<const freeswitch::LiveState> m_state;
};

} // namespace fsd
