#pragma once

// The board file keys that imported profiles add to the boards/<board>.json format (boards/README.md):
// "steps", "ginfo", "powerOff", "syncTime", "import", and the writer that turns any BoardProfile back
// into that format, so an imported profile is stored as an ordinary catalog file and loaded, checked
// and overridden like a hand-written one. Pure functions; thread-safe.

#include <QJsonObject>
#include <QStringList>

namespace oc::catalog {

class JsonReader;
struct BoardProfile;

// Top-level keys handled by readBoardExtras().
QStringList boardExtraKeys();

// Reads the keys of boardExtraKeys() from `root` into `board`; problems go to `reader`.
void readBoardExtras(JsonReader &reader, const QJsonObject &root, BoardProfile &board);

// The whole profile in the boards/<board>.json format, schema 1. BoardProfile::fromJson(boardToJson(b))
// gives `b` back (sourceFile aside).
QJsonObject boardToJson(const BoardProfile &board);

} // namespace oc::catalog
