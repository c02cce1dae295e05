// SPDX-License-Identifier: MPL-2.0
#include "core/http/TcpListener.h"

namespace fsd {

void TcpListener::incomingConnection(qintptr descriptor)
{
    emit descriptorAccepted(descriptor);
}

} // namespace fsd
