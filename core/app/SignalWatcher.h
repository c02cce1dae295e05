// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QObject>

class QSocketNotifier;

namespace fsd {

// Turns SIGINT and SIGTERM into the Qt signal `terminationRequested`, through a self-pipe, so
// that the event loop can close the database cleanly. One instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    static void handleSignal(int signalNumber);
    static int s_pipe[2];
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fsd
