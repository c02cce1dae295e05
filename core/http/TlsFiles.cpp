// SPDX-License-Identifier: MPL-2.0
#include "core/http/TlsFiles.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace fsd {

namespace {

QByteArray readFile(const QString &path, const QString &what, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Reading the TLS %1 file %2 failed: %3.")
                     .arg(what, path, file.errorString());
        return {};
    }
    return file.readAll();
}

QSslKey parseKey(const QByteArray &pem)
{
    for (const auto algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

QSslConfiguration loadServerTlsConfiguration(const QString &certificateFile,
                                             const QString &keyFile, QString *error)
{
    if (certificateFile.isEmpty() || keyFile.isEmpty()) {
        *error = QStringLiteral("TLS needs both a certificate file and a key file; only %1 is set.")
                     .arg(certificateFile.isEmpty() ? QStringLiteral("the key")
                                                    : QStringLiteral("the certificate"));
        return {};
    }

    const QByteArray certificatePem = readFile(certificateFile, QStringLiteral("certificate"), error);
    if (certificatePem.isEmpty()) {
        if (error->isEmpty())
            *error = QStringLiteral("The TLS certificate file %1 is empty.").arg(certificateFile);
        return {};
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("The TLS certificate file %1 holds no PEM certificate.")
                     .arg(certificateFile);
        return {};
    }

    const QByteArray keyPem = readFile(keyFile, QStringLiteral("key"), error);
    if (keyPem.isEmpty()) {
        if (error->isEmpty())
            *error = QStringLiteral("The TLS key file %1 is empty.").arg(keyFile);
        return {};
    }
    const QSslKey key = parseKey(keyPem);
    if (key.isNull()) {
        *error = QStringLiteral("The TLS key file %1 holds no unencrypted PEM private key "
                                "(RSA, EC or DSA).")
                     .arg(keyFile);
        return {};
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

QString certificateFingerprint(const QSslCertificate &certificate)
{
    const QByteArray hex = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QString result;
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        if (!result.isEmpty())
            result += QLatin1Char(':');
        result += QLatin1String(hex.mid(i, 2));
    }
    return result;
}

} // namespace fsd
