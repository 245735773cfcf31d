#include "app/data/gestures.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "app/data/random.h"
#include "core/descriptor.h"
#include "devices/firmware/event_detector.h"
#include "devices/simulator/motion_source.h"

namespace dlm::data {

using firmware::DetectedEvent;
using firmware::EventDetector;
using firmware::GestureTruth;
using firmware::MotionSource;

const int kKnownGestureClasses = MotionSource::kKnownGestures;
const int kGestureClasses = MotionSource::kGestureCount;

namespace {

// Stream after each request: the source's 0.5 s rest, the longest gesture (about 1.4 s at its
// slowest) and the trigger's hold-off all fit, so each request ends before the next starts.
constexpr std::uint32_t kFramesPerRequest = 2500;
constexpr std::uint32_t kChunkFrames = 250;
// The synthetic board's three axes: the data set is the 3-channel board's events.
constexpr int kChannels = 3;

struct Window {
    DetectedEvent event;
    std::vector<std::int16_t> samples;
};

std::int64_t overlap(const DetectedEvent& e, const GestureTruth& t)
{
    const std::int64_t lo = std::max<std::int64_t>(e.start, t.start);
    const std::int64_t hi = std::min<std::int64_t>(std::int64_t(e.start) + e.frames,
                                                   std::int64_t(t.start) + t.frames);
    return hi - lo;
}

// Streams kFramesPerRequest frames through the detector, keeping completed windows and truths.
void runRequest(MotionSource& source, EventDetector& detector, std::vector<Window>& windows,
                std::vector<GestureTruth>& truths)
{
    std::vector<std::int16_t> chunk(kChunkFrames * kChannels);
    std::vector<std::int16_t> copy(EventDetector::kMaxWindowFrames * kChannels);
    for (std::uint32_t done = 0; done < kFramesPerRequest; done += kChunkFrames) {
        source.generate(chunk.data(), kChunkFrames);
        for (std::uint32_t used = 0; used < kChunkFrames;) {
            used += detector.process(chunk.data() + used * kChannels, kChunkFrames - used);
            if (!detector.eventReady())
                continue;
            const std::uint32_t frames =
                detector.copyWindow(copy.data(), EventDetector::kMaxWindowFrames);
            if (frames == 0)
                continue;
            Window w;
            w.event = detector.lastEvent();
            w.samples.assign(copy.begin(), copy.begin() + std::ptrdiff_t(frames) * kChannels);
            windows.push_back(std::move(w));
        }
        GestureTruth t;
        while (source.popTruth(t))
            truths.push_back(t);
    }
}

int labelOf(const DetectedEvent& e, const std::vector<GestureTruth>& truths)
{
    int label = -1;
    std::int64_t best = 0;
    for (const GestureTruth& t : truths) {
        const std::int64_t o = overlap(e, t);
        if (o > best) {
            best = o;
            label = t.id;
        }
    }
    return label;
}

}  // namespace

Dataset generateGestures(const GestureOptions& options)
{
    firmware::MotionConfig motion;
    motion.seed = options.seed;
    motion.gestureRatePerMinute = 0.0f;  // only the requested gestures
    motion.drift = options.drift;
    motion.noiseCounts = options.noiseCounts;
    MotionSource source(motion);
    firmware::TriggerConfig trigger;  // the boards' defaults: windows up to kEventWindowFrames
    trigger.channels = kChannels;
    EventDetector detector;
    detector.configure(trigger);

    std::vector<int> order;
    for (int g = 0; g < kGestureClasses; ++g)
        order.insert(order.end(), std::size_t(std::max(options.perGesture, 0)), g);
    Rng rng(options.seed);
    shuffle(order, rng);
    std::vector<Window> windows;
    std::vector<GestureTruth> truths;
    for (const int id : order) {
        source.performGesture(static_cast<std::uint8_t>(id));
        runRequest(source, detector, windows, truths);
    }

    const DescriptorConfig descriptor = descriptorFor(kChannels);
    Dataset out;
    out.dims = descriptor.dims();
    out.descriptorChannels = kChannels;
    for (int g = 0; g < kGestureClasses; ++g)
        out.classNames.emplace_back(MotionSource::gestureName(static_cast<std::uint8_t>(g)));
    std::vector<float> row(std::size_t(out.dims));
    for (const Window& w : windows) {
        const int label = labelOf(w.event, truths);
        const auto frames = static_cast<std::uint32_t>(w.samples.size() / kChannels);
        if (label < 0 || computeDescriptor(descriptor, w.samples.data(), frames, row.data(),
                                           row.size()) != Status::Ok)
            continue;
        out.features.insert(out.features.end(), row.begin(), row.end());
        out.labels.push_back(label);
        ++out.rows;
    }
    return out;
}

}  // namespace dlm::data
