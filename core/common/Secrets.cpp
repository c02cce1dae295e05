// SPDX-License-Identifier: MPL-2.0
#include "core/common/Secrets.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace fsd::Secrets {

QString generatePassword(int length)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr quint32 alphabetSize = sizeof(alphabet) - 1;
    QString password;
    password.reserve(length);
    for (int i = 0; i < length; ++i)
        password.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(alphabetSize)]));
    return password;
}

QByteArray generateToken()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

QByteArray hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

} // namespace fsd::Secrets
