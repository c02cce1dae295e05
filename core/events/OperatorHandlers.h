// SPDX-License-Identifier: MPL-2.0
#pragma once

namespace fsd {

class Dispatcher;

// Registers the admin-only operator events: [Operators] Get_operators, Add_operator,
// Update_operator_password and Del_operator. They let an admin manage accounts while a server
// has the database locked, when the command-line operator commands are rejected.
void registerOperatorHandlers(Dispatcher &dispatcher);

} // namespace fsd
