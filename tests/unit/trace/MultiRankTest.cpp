// Issue 11 items 3 and 6: a folder of rank files imports every rank it can (an empty, broken or
// truncated one is reported and the others still import); the rank comes from the file name,
// and an envelope that says otherwise is a problem; a .gz or .zst cut anywhere is detected as
// truncated, its partial session ends `interrupted`, and errors say how many lines were read.
#include <gtest/gtest.h>

#include <boost/iostreams/copy.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <deque>

#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs::session;
using namespace gs::trace;
using namespace gs::trace::test;

namespace {

std::string compressed(const std::string& data, bool zstd) {
    namespace io = boost::iostreams;
    std::string out;
    io::filtering_ostream os;
    if (zstd) os.push(io::zstd_compressor());
    else os.push(io::gzip_compressor());
    os.push(io::back_inserter(out));
    os << data;
    os.reset();
    return out;
}

// A log of `n` compiles of one frame; `rank` >= 0 puts "rank" in every envelope.
std::string log(int n, int rank = -1) {
    const std::string r = rank >= 0 ? ", \"rank\": " + std::to_string(rank) : "";
    std::string out = rec("{\"str\": [\"/m.py\", 0]" + r + "}");
    for (int i = 0; i < n; ++i) {
        const std::string ctx = ", \"frame_id\": 0, \"frame_compile_id\": " + std::to_string(i) + ", \"attempt\": 0" + r + "}";
        out += rec("{\"dynamo_start\": {\"stack\": [{\"line\": 4, \"name\": \"f\", \"filename\": 0}]}" + ctx);
        out += rec("{\"compilation_metrics\": {\"co_name\": \"f\", \"co_filename\": \"/m.py\", \"co_firstlineno\": 4, "
                   "\"entire_frame_compile_time_s\": 0.25}" + ctx);
    }
    return out;
}

struct Imports {
    std::deque<SessionBuilder> builders;
    std::vector<ImportReport> reports;
};

Imports importDir(const TempDir& d) {
    Imports out;
    out.reports = importTracePath(d.path().string(), [&](const std::string&) -> EventSink& { return out.builders.emplace_back(); });
    return out;
}

} // namespace

TEST(MultiRank, ABadRankFileIsReportedAndTheOthersStillImport) {
    TempDir d;
    d.write("dedicated_log_torch_trace_rank_0_a.log", log(2));
    d.write("dedicated_log_torch_trace_rank_1_b.log", "");
    d.write("dedicated_log_torch_trace_rank_2_c.log", "this is not a log\n");
    d.write("dedicated_log_torch_trace_rank_3_d.log", log(3));
    std::string z = compressed(log(3000), true); // several zstd blocks: the first ones decode
    d.write("dedicated_log_torch_trace_rank_4_e.log.zst", z.substr(0, z.size() * 2 / 3));
    Imports im = importDir(d);
    ASSERT_EQ(im.reports.size(), 5u);
    for (int r = 0; r < 5; ++r) EXPECT_EQ(im.reports[size_t(r)].rank, r);
    EXPECT_EQ(im.reports[0].error, "");
    EXPECT_NE(im.reports[1].error.find("empty"), std::string::npos) << im.reports[1].error;
    EXPECT_NE(im.reports[2].error.find("not a TORCH_TRACE log"), std::string::npos) << im.reports[2].error;
    EXPECT_EQ(im.reports[3].error, "");
    EXPECT_NE(im.reports[4].error.find("truncated"), std::string::npos) << im.reports[4].error;
    EXPECT_EQ(im.builders[0].session().compiles.size(), 2u);
    EXPECT_EQ(im.builders[3].session().compiles.size(), 3u);
    EXPECT_EQ(im.builders[3].session().info.metadata.at("rank"), "3");
    EXPECT_EQ(im.builders[4].session().info.status, SessionStatus::Interrupted);
    EXPECT_GT(im.builders[4].session().compiles.size(), 0u);
    for (const auto& b : im.builders) {
        if (b.session().info.kind == SessionKind::TorchTrace && !b.session().info.group.empty()) {
            EXPECT_EQ(b.session().info.group, im.builders[0].session().info.group);
        }
    }
}

TEST(MultiRank, TheFileNamesRankWinsAndAConflictingEnvelopeIsAProblem) {
    TempDir d;
    d.write("dedicated_log_torch_trace_rank_0_a.log", log(1, 0));
    d.write("dedicated_log_torch_trace_rank_1_b.log", log(1, 0)); // a copy of rank 0's records
    d.write("dedicated_log_torch_trace_rank_2_c.log", log(1));    // no rank in the envelopes
    Imports im = importDir(d);
    ASSERT_EQ(im.reports.size(), 3u);
    EXPECT_EQ(im.builders[0].session().info.metadata.at("rank"), "0");
    EXPECT_EQ(im.reports[0].problems.count("rank_conflict"), 0u);
    EXPECT_EQ(im.builders[1].session().info.metadata.at("rank"), "1");
    EXPECT_EQ(im.builders[1].session().info.metadata.at("envelope_rank"), "0");
    EXPECT_EQ(im.reports[1].problems.at("rank_conflict"), 1);
    EXPECT_EQ(im.builders[2].session().info.metadata.at("rank"), "2");
}

TEST(MultiRank, ARankThatChangesInsideAFileIsAProblem) {
    TempDir d;
    Imported im = importFile(d.write("mixed.log", log(1, 0) + log(1, 5)));
    EXPECT_EQ(im.problem("rank_conflict"), 1);
    EXPECT_EQ(im.session.info.metadata.at("rank"), "0");
}

TEST(Truncation, CompressedLogsCutAnywhereAreTruncatedAndInterrupted) {
    TempDir d;
    const std::string plain = log(200);
    for (bool zstd : {true, false}) {
        const std::string full = compressed(plain, zstd);
        for (double at : {0.1, 0.5, 0.9, 0.999}) {
            const size_t cut = std::max<size_t>(20, size_t(double(full.size()) * at));
            SessionBuilder b;
            std::string msg;
            try {
                importTraceFile(d.write(zstd ? "cut.log.zst" : "cut.log.gz", full.substr(0, cut)), b);
            } catch (const TraceError& e) {
                msg = e.what();
            }
            SCOPED_TRACE((zstd ? "zstd cut at " : "gzip cut at ") + std::to_string(cut) + " of " + std::to_string(full.size()));
            EXPECT_NE(msg.find("truncated"), std::string::npos) << msg;
            EXPECT_NE(msg.find(" lines"), std::string::npos) << msg;
            if (b.session().info.kind == SessionKind::TorchTrace && b.session().compiles.size() > 0) {
                EXPECT_EQ(b.session().info.status, SessionStatus::Interrupted);
                EXPECT_NE(msg.find("interrupted"), std::string::npos) << msg;
            }
        }
        // uncut, the same file reads completely
        SessionBuilder b;
        importTraceFile(d.write(zstd ? "whole.log.zst" : "whole.log.gz", full), b);
        EXPECT_EQ(b.session().compiles.size(), 200u);
        EXPECT_EQ(b.session().info.status, SessionStatus::Complete);
    }
}

TEST(Truncation, ConcatenatedGzipMembersAndZstdFramesReadAsOne) {
    TempDir d;
    for (bool zstd : {true, false}) {
        SessionBuilder b;
        importTraceFile(d.write(zstd ? "two.log.zst" : "two.log.gz", compressed(log(2), zstd) + compressed(log(3), zstd)), b);
        EXPECT_EQ(b.session().records.size(), 5u + 7u);
    }
}

TEST(Truncation, CorruptCompressedDataFailsAndSaysWhere) {
    TempDir d;
    std::string z = compressed(log(50), true);
    for (size_t i = z.size() / 2; i < z.size() / 2 + 16; ++i) z[i] = char(z[i] ^ 0x5a);
    SessionBuilder b;
    try {
        importTraceFile(d.write("bad.log.zst", z), b);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("lines"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("bad.log.zst"), std::string::npos) << e.what();
    }
}

TEST(Truncation, ErrorsSayHowManyLinesWereRead) {
    TempDir d;
    SessionBuilder b;
    try {
        importTraceFile(d.write("text.log", "just\nthree\nlines\n"), b);
        FAIL() << "no error";
    } catch (const TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("3 lines read"), std::string::npos) << e.what();
    }
}
