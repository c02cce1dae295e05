// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QJsonObject>

namespace fsd::SecretMasking {

// Replaces the values of secret parameters (password, a1-hash, vm-password, and any name
// ending in "-password") anywhere in a reply with "********", for viewers.
void mask(QJsonObject &reply);
bool isSecretName(const QString &name);

} // namespace fsd::SecretMasking
