// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/http/HttpResponse.h"

#include <memory>

namespace fsd {

class HttpConnection;

// Handle that sends the response to one request, now or later. Copies share one response:
// the first send() wins. Use it on the server's thread only. When the last copy is dropped without send(), the
// client gets 500, so a request is never left without a response.
class HttpResponder
{
public:
    HttpResponder() = default;

    void send(HttpResponse response) const;
    // True until a response was sent or the connection closed.
    bool isPending() const;

private:
    friend class HttpConnection;
    struct State;

    HttpResponder(HttpConnection *connection, quint64 sequence);

    std::shared_ptr<State> m_state;
};

} // namespace fsd
