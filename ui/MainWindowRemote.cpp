// SPDX-License-Identifier: MPL-2.0
// MainWindow's remote mode: Connect to Server…, certificate trust, new logins.
#include "ui/MainWindow.h"

#include "core/net/RemoteEventChannel.h"
#include "ui/ConnectDialog.h"
#include "ui/DirectoryClient.h"
#include "ui/Prompter.h"

#include <QLineEdit>
#include <QSettings>
#include <QStatusBar>

namespace fsd::ui {

namespace {

// Keys of the settings file (the INI file of AppSettings) that remember remote connections.
const QString LastUrlKey = QStringLiteral("remote/last_url");
const QString LastLoginKey = QStringLiteral("remote/last_login");

// The settings key of the certificate fingerprint trusted for `url`'s host and port.
QString trustKey(const QUrl &url)
{
    return QStringLiteral("remote_trusted_certificates/%1_%2")
        .arg(url.host().toLower())
        .arg(url.port(443));
}

} // namespace

void MainWindow::connectToServer()
{
    QSettings settings(settingsFile(), QSettings::IniFormat);
    auto *dialog = new ConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUrl(settings.value(LastUrlKey, QStringLiteral("ws://127.0.0.1:8080/ws")).toString());
    dialog->setLogin(settings.value(LastLoginKey).toString());
    connect(dialog, &RequestDialog::submitted, this, [this, dialog]() {
        const QUrl url = dialog->url();
        if (!url.isValid()) {
            dialog->showError(tr("\"%1\" is not a server URL. Write ws://host:port/ws, or "
                                 "wss://host:port/ws for a server with TLS.")
                                  .arg(dialog->urlEdit()->text()));
            return;
        }
        startRemoteSession(dialog, url);
    });
    dialog->open();
}

// Creates the channel for `url` and logs in with the dialog's fields; the dialog closes when
// the login succeeds and shows the error otherwise.
void MainWindow::startRemoteSession(ConnectDialog *dialog, const QUrl &url)
{
    auto *channel = new RemoteEventChannel(url, this);
    channel->setObjectName(QStringLiteral("remoteChannel"));
    QSettings settings(settingsFile(), QSettings::IniFormat);
    channel->setTrustedCertificateFingerprint(settings.value(trustKey(url)).toString());
    dialog->setBusy(true);

    QPointer<ConnectDialog> target(dialog);
    const QString login = dialog->login();
    connect(channel, &RemoteEventChannel::loggedIn, this, [this, channel, target, url, login]() {
        if (target) {
            target->setBusy(false);
            target->finish();
        }
        if (m_remoteChannel == channel)
            return; // A new login of the current session: the client reloads on its own.
        QSettings remembered(settingsFile(), QSettings::IniFormat);
        remembered.setValue(LastUrlKey, url.toString());
        remembered.setValue(LastLoginKey, login);
        if (m_remoteChannel)
            m_remoteChannel->deleteLater();
        m_remoteChannel = channel;
        useChannel(channel);
        statusBar()->showMessage(tr("Connected to %1 as %2 (%3).")
                                     .arg(url.toDisplayString(), login, channel->role()),
                                 10000);
    });
    connect(channel, &RemoteEventChannel::loginFailed, this,
            [this, channel, target](const QString &error, const QString &detail) {
                if (target) {
                    target->setBusy(false);
                    target->showError(detail.isEmpty() ? error : detail);
                }
                if (channel != m_remoteChannel)
                    channel->deleteLater();
            });
    connect(channel, &RemoteEventChannel::connectionError, this,
            [this, channel, target](const QString &message) {
                if (channel != m_remoteChannel) {
                    // The first connection failed, so the dialog shows the reason.
                    if (target) {
                        target->setBusy(false);
                        target->showError(tr("Connecting failed: %1").arg(message));
                    }
                    channel->deleteLater();
                    return;
                }
                statusBar()->showMessage(
                    tr("Connection lost: %1. Reconnecting…").arg(message), 10000);
            });
    connect(channel, &RemoteEventChannel::certificateConfirmationRequired, this,
            [this, channel, target, url](const QString &fingerprint, const QString &subject) {
                if (!confirmCertificate(url, fingerprint, subject)) {
                    if (target) {
                        target->setBusy(false);
                        target->showError(tr("Not connected: the server's certificate was not "
                                             "trusted."));
                    }
                    if (channel != m_remoteChannel)
                        channel->deleteLater();
                    return;
                }
                channel->acceptCertificate(fingerprint);
            });
    connect(channel, &RemoteEventChannel::tokenExpired, this,
            [this, channel]() { askForNewLogin(channel); });
    channel->connectToServer(login, dialog->password());
}

bool MainWindow::confirmCertificate(const QUrl &url, const QString &fingerprint,
                                    const QString &subject)
{
    const QString text =
        tr("The server %1 presents a certificate that this computer does not trust (issued to "
           "\"%2\").\n\nIts SHA-256 fingerprint is:\n%3\n\nCompare it with the fingerprint of "
           "the server's certificate. Trust it for this server from now on?")
            .arg(url.toDisplayString(), subject, fingerprint);
    if (!m_prompter->confirm(this, tr("Untrusted certificate"), text, tr("Trust")))
        return false;
    QSettings settings(settingsFile(), QSettings::IniFormat);
    settings.setValue(trustKey(url), fingerprint);
    return true;
}

// The server ended the session (token expired or logged out): ask for the password again.
void MainWindow::askForNewLogin(RemoteEventChannel *channel)
{
    if (channel != m_remoteChannel)
        return;
    auto *dialog = new ConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Log In Again"));
    dialog->setMessage(tr("The session on %1 ended. Log in again to continue; until then the "
                          "window shows the directory as it was.")
                           .arg(channel->location()));
    dialog->setUrl(channel->location());
    dialog->setUrlEditable(false);
    QSettings settings(settingsFile(), QSettings::IniFormat);
    dialog->setLogin(settings.value(LastLoginKey).toString());
    QPointer<RemoteEventChannel> target(channel);
    connect(dialog, &RequestDialog::submitted, this, [dialog, target]() {
        if (!target) {
            dialog->reject();
            return;
        }
        dialog->setBusy(true);
        target->connectToServer(dialog->login(), dialog->password());
    });
    connect(channel, &RemoteEventChannel::loggedIn, dialog, [dialog]() { dialog->finish(); });
    connect(channel, &RemoteEventChannel::loginFailed, dialog,
            [dialog](const QString &error, const QString &detail) {
                dialog->setBusy(false);
                dialog->showError(detail.isEmpty() ? error : detail);
            });
    dialog->open();
}

void MainWindow::useLocalDirectory()
{
    useChannel(nullptr);
    if (m_remoteChannel) {
        m_remoteChannel->disconnectFromServer();
        m_remoteChannel->deleteLater();
        m_remoteChannel = nullptr;
    }
}

} // namespace fsd::ui
