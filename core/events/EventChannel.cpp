// SPDX-License-Identifier: MPL-2.0
// Gives AUTOMOC a source beside EventChannel.h, whose signals need moc output.
#include "core/events/EventChannel.h"
