#include "app/fleet_bench/gesture_model.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "app/data/gestures.h"
#include "core/model_format.h"
#include "core/network.h"

namespace dlm {
namespace fleetbench {

QByteArray gestureModel(quint32 seed, int perGesture, int maxNeurons, QString* error) {
  auto fail = [error](const QString& why) {
    if (error != nullptr) *error = why;
    return QByteArray();
  };
  data::GestureOptions options;
  options.seed = seed;
  options.perGesture = perGesture;
  const data::Dataset all = data::generateGestures(options);
  // Only the known gestures are taught: the never-seen ones stay unknown to the board.
  std::vector<float> features;
  std::vector<std::uint8_t> labels;
  for (int i = 0; i < all.rows; ++i) {
    if (all.labels[static_cast<std::size_t>(i)] < 0 ||
        all.labels[static_cast<std::size_t>(i)] >= data::kKnownGestureClasses)
      continue;
    features.insert(features.end(), all.row(i), all.row(i) + all.dims);
    labels.push_back(static_cast<std::uint8_t>(all.labels[static_cast<std::size_t>(i)]));
  }
  const int rows = static_cast<int>(labels.size());
  if (rows == 0) return fail(QStringLiteral("no gesture events"));
  Capacity cap;
  cap.maxDims = static_cast<std::uint16_t>(all.dims);
  cap.maxClasses = static_cast<std::uint8_t>(data::kKnownGestureClasses);
  cap.maxEvents = static_cast<std::uint32_t>(rows);
  cap.maxNeurons = static_cast<std::uint16_t>(std::min(rows, maxNeurons));
  cap.maxLayers = 1; // fits every board's depth and deep-layer capacity
  std::vector<unsigned char> arena(Network::arenaBytes(cap));
  Network net;
  if (net.init(cap, arena.data(), arena.size()) != Status::Ok ||
      net.reset(all.dims, 0) != Status::Ok ||
      net.rebuild(features.data(), labels.data(), static_cast<std::uint32_t>(rows)) != Status::Ok)
    return fail(QStringLiteral("learning the gestures failed"));
  std::vector<ClassName> names(static_cast<std::size_t>(data::kKnownGestureClasses));
  for (std::size_t k = 0; k < names.size(); ++k)
    std::snprintf(names[k].text, sizeof names[k].text, "%s", all.classNames[k].c_str());
  std::vector<std::uint8_t> bytes(modelBytes(net));
  std::size_t written = 0;
  if (saveModel(net, names.data(), bytes.data(), bytes.size(), &written) != Status::Ok)
    return fail(QStringLiteral("saving the model failed"));
  return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(written));
}

} // namespace fleetbench
} // namespace dlm
