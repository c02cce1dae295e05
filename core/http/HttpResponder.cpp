// SPDX-License-Identifier: MPL-2.0
#include "core/http/HttpResponder.h"

#include "core/http/HttpConnection.h"

#include <QPointer>
#include <QThread>

namespace fsd {

struct HttpResponder::State
{
    QPointer<HttpConnection> connection;
    QThread *thread = nullptr;
    quint64 sequence = 0;
    bool sent = false;

    ~State()
    {
        // A QPointer may only be read on its object's thread; elsewhere the connection is
        // left to its timeouts.
        if (sent || thread != QThread::currentThread() || !connection)
            return;
        connection->respond(sequence, HttpResponse::text(500, "internal error: no response\n"));
    }
};

HttpResponder::HttpResponder(HttpConnection *connection, quint64 sequence)
    : m_state(std::make_shared<State>())
{
    m_state->connection = connection;
    m_state->thread = connection->thread();
    m_state->sequence = sequence;
}

void HttpResponder::send(HttpResponse response) const
{
    if (!m_state || m_state->sent)
        return;
    Q_ASSERT(m_state->thread == QThread::currentThread());
    m_state->sent = true;
    if (m_state->connection)
        m_state->connection->respond(m_state->sequence, std::move(response));
}

bool HttpResponder::isPending() const
{
    return m_state && !m_state->sent && m_state->connection;
}

} // namespace fsd
