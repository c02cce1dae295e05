// SPDX-License-Identifier: MPL-2.0
#include "core/events/SecretMasking.h"

#include <QJsonArray>

namespace fsd::SecretMasking {

namespace {

const QString Mask = QStringLiteral("********");

void maskObject(QJsonObject &object)
{
    const QString name = object.value(QStringLiteral("name")).toString();
    if (isSecretName(name) && object.value(QStringLiteral("value")).isString())
        object.insert(QStringLiteral("value"), Mask);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->isObject()) {
            QJsonObject child = it->toObject();
            maskObject(child);
            *it = child;
        }
    }
}

} // namespace

bool isSecretName(const QString &name)
{
    const QString lower = name.toLower();
    return lower == QLatin1String("password") || lower == QLatin1String("a1-hash")
        || lower == QLatin1String("vm-password") || lower.endsWith(QLatin1String("-password"))
        || lower == QLatin1String("reverse-auth-pass");
}

void mask(QJsonObject &reply)
{
    maskObject(reply);
}

} // namespace fsd::SecretMasking
