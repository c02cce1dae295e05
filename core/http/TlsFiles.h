// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QSslConfiguration>
#include <QString>

namespace fsd {

// Builds a server-side TLS configuration from a PEM certificate file (the server's certificate
// first, then any intermediates) and a PEM private key file (RSA or EC, unencrypted). On
// failure returns a null configuration and sets `error` to a sentence naming the file.
QSslConfiguration loadServerTlsConfiguration(const QString &certificateFile,
                                             const QString &keyFile, QString *error);

// SHA-256 fingerprint of a certificate as colon-separated upper-case hex, as browsers show it.
QString certificateFingerprint(const QSslCertificate &certificate);

} // namespace fsd
