#include "core/tensor/Formatter.h"

#include <cmath>
#include <cstdio>

#include "core/tensor/Copy.h"
#include "core/tensor/ShapeOps.h"
#include "core/tensor/Views.h"

namespace gs::tensor {

namespace {

// Python's format() of a float with a printf-style spec; nan/inf spelled as Python does.
std::string pyFormat(double v, const char* spec, int width, int precision) {
    if (std::isnan(v))
        return std::string(static_cast<size_t>(std::max(0, width - 3)), ' ') + "nan";
    if (std::isinf(v)) {
        std::string s = v < 0 ? "-inf" : "inf";
        return std::string(static_cast<size_t>(std::max(0, width - static_cast<int>(s.size()))), ' ') + s;
    }
    char buf[512];
    std::snprintf(buf, sizeof buf, spec, width, precision, v);
    return buf;
}

std::string intString(double v, DType dtype) {
    if (dtype == DType::Bool)
        return v != 0 ? "True" : "False";
    return std::to_string(static_cast<int64_t>(v));
}

// Values of t in row-major order as doubles (16-bit floats go through float, as torch does).
std::vector<double> valuesOf(const Tensor& t) { return t.toDoubles(); }

// get_summarized_data
Tensor summarized(const Tensor& t, const PrintOptions& o) {
    const int64_t e = o.edgeitems;
    if (t.dim() == 0)
        return t;
    if (t.dim() == 1) {
        if (t.sizes()[0] > 2 * e)
            return cat({slice(t, 0, 0, e), slice(t, 0, -e, std::nullopt)}, 0);
        return t;
    }
    std::vector<Tensor> parts;
    const int64_t n = t.sizes()[0];
    if (n > 2 * e) {
        for (int64_t i = 0; i < e; ++i)
            parts.push_back(summarized(select(t, 0, i), o));
        for (int64_t i = n - e; i < n; ++i)
            parts.push_back(summarized(select(t, 0, i), o));
    } else {
        for (int64_t i = 0; i < n; ++i)
            parts.push_back(summarized(select(t, 0, i), o));
    }
    return stack(parts, 0);
}

// One element's text: a real, or (_tensor_str's complex rule) the real part, then the imaginary
// part with its sign and "j", each from its own formatter.
struct ElementText {
    const Formatter& re;
    const Formatter* im = nullptr;  // complex tensors only
    int64_t width() const { return re.width() + (im ? im->width() + 1 : 0); }
    std::string operator()(const Scalar& v) const {
        if (!im)
            return re.format(v.toDouble());
        std::string imag = im->format(v.imag()) + "j";
        imag.erase(0, imag.find_first_not_of(' '));
        return re.format(v.toDouble()) + (imag[0] == '+' || imag[0] == '-' ? "" : "+") + imag;
    }
};

std::string vectorStr(const Tensor& t, int64_t indent, bool summarize, const ElementText& f, const PrintOptions& o) {
    const int64_t elementLength = f.width() + 2;
    const int64_t perLine = std::max<int64_t>(1, (o.linewidth - indent) / elementLength);
    std::vector<std::string> data;
    const int64_t n = t.sizes()[0];
    auto fmt = [&](int64_t i) { return f(t.elementAt(i)); };
    if (summarize && o.edgeitems == 0) {
        data.push_back("...");
    } else if (summarize && n > 2 * o.edgeitems) {
        for (int64_t i = 0; i < o.edgeitems; ++i)
            data.push_back(fmt(i));
        data.push_back(" ...");
        for (int64_t i = n - o.edgeitems; i < n; ++i)
            data.push_back(fmt(i));
    } else {
        for (int64_t i = 0; i < n; ++i)
            data.push_back(fmt(i));
    }
    std::string out = "[";
    for (size_t i = 0; i < data.size(); ++i) {
        if (i > 0)
            out += (i % static_cast<size_t>(perLine) == 0) ? ",\n" + std::string(static_cast<size_t>(indent + 1), ' ') : ", ";
        out += data[i];
    }
    return out + "]";
}

std::string tensorStr(const Tensor& t, int64_t indent, bool summarize, const ElementText& f, const PrintOptions& o) {
    if (t.dim() == 0)
        return f(t.item());
    if (t.dim() == 1)
        return vectorStr(t, indent, summarize, f, o);
    std::vector<std::string> slices;
    const int64_t n = t.sizes()[0];
    if (summarize && n > 2 * o.edgeitems) {
        for (int64_t i = 0; i < o.edgeitems; ++i)
            slices.push_back(tensorStr(select(t, 0, i), indent + 1, summarize, f, o));
        slices.push_back("...");
        for (int64_t i = n - o.edgeitems; i < n; ++i)
            slices.push_back(tensorStr(select(t, 0, i), indent + 1, summarize, f, o));
    } else {
        for (int64_t i = 0; i < n; ++i)
            slices.push_back(tensorStr(select(t, 0, i), indent + 1, summarize, f, o));
    }
    std::string sep(",");
    sep.append(static_cast<size_t>(t.dim() - 1), '\n');
    sep.append(static_cast<size_t>(indent + 1), ' ');
    std::string out = "[";
    for (size_t i = 0; i < slices.size(); ++i) {
        if (i)
            out += sep;
        out += slices[i];
    }
    return out + "]";
}

std::string tupleStr(const DimVector& s) {
    std::string out = "(";
    for (size_t i = 0; i < s.size(); ++i) {
        if (i)
            out += ", ";
        out += std::to_string(s[i]);
    }
    if (s.size() == 1)
        out += ",";
    return out + ")";
}

} // namespace

PrintOptions& printOptions() {
    thread_local PrintOptions options;
    return options;
}

std::string sizeRepr(const DimVector& sizes) { return "torch.Size(" + sizes.str() + ")"; }

Formatter::Formatter(const std::vector<double>& values, bool floating, DType dtype, const PrintOptions& o)
    : floating_(floating), dtype_(dtype), precision_(o.precision) {
    if (!floating_) {
        for (double v : values)
            maxWidth_ = std::max<int64_t>(maxWidth_, static_cast<int64_t>(intString(v, dtype).size()));
        return;
    }
    std::vector<double> nz;
    for (double v : values)
        if (std::isfinite(v) && v != 0)
            nz.push_back(v);
    if (nz.empty()) {
        if (o.sciMode)
            sciMode_ = *o.sciMode;
        return;
    }
    double mn = std::fabs(nz[0]), mx = mn;
    for (double v : nz) {
        mn = std::min(mn, std::fabs(v));
        mx = std::max(mx, std::fabs(v));
        if (v != std::ceil(v))
            intMode_ = false;
    }
    if (intMode_) {
        if (mx / mn > 1000.0 || mx > 1.0e8) {
            sciMode_ = true;
            for (double v : nz)
                maxWidth_ = std::max<int64_t>(maxWidth_, static_cast<int64_t>(pyFormat(v, "%*.*e", 0, precision_).size()));
        } else {
            for (double v : nz)
                maxWidth_ = std::max<int64_t>(maxWidth_, static_cast<int64_t>(pyFormat(v, "%*.*f", 0, 0).size()) + 1);
        }
    } else {
        if (mx / mn > 1000.0 || mx > 1.0e8 || mn < 1.0e-4) {
            sciMode_ = true;
            for (double v : nz)
                maxWidth_ = std::max<int64_t>(maxWidth_, static_cast<int64_t>(pyFormat(v, "%*.*e", 0, precision_).size()));
        } else {
            for (double v : nz)
                maxWidth_ = std::max<int64_t>(maxWidth_, static_cast<int64_t>(pyFormat(v, "%*.*f", 0, precision_).size()));
        }
    }
    if (o.sciMode)
        sciMode_ = *o.sciMode;
}

std::string Formatter::raw(double v) const {
    if (!floating_)
        return intString(v, dtype_);
    if (sciMode_)
        return pyFormat(v, "%*.*e", static_cast<int>(maxWidth_), precision_);
    if (intMode_) {
        std::string s = pyFormat(v, "%*.*f", 0, 0);
        if (std::isfinite(v))
            s += ".";
        return s;
    }
    return pyFormat(v, "%*.*f", 0, precision_);
}

std::string Formatter::format(double v) const {
    std::string s = raw(v);
    if (static_cast<int64_t>(s.size()) < maxWidth_)
        s.insert(0, static_cast<size_t>(maxWidth_) - s.size(), ' ');
    return s;
}

std::string formatTensor(const Tensor& t, const PrintOptions& o) {
    const std::string prefix = "tensor(";
    const auto indent = static_cast<int64_t>(prefix.size());
    std::vector<std::string> suffixes;
    if (!t.device().isCpu())
        suffixes.push_back("device='" + t.device().str() + "'");
    const DType dt = t.dtype();
    std::string body;
    if (t.numel() == 0) {
        if (t.dim() != 1)
            suffixes.push_back("size=" + tupleStr(t.sizes()));
        if (dt != defaultFloatDType() && dt != toComplex(defaultFloatDType()))
            suffixes.push_back("dtype=" + std::string(dtypeReprName(dt)));
        body = "[]";
    } else {
        if (o.edgeitems == 0)
            suffixes.push_back("size=" + tupleStr(t.sizes()));
        // the default complex dtype (complex64 under float32) is not named either
        if (dt != defaultFloatDType() && dt != toComplex(defaultFloatDType()) && dt != DType::Int64 && dt != DType::Bool)
            suffixes.push_back("dtype=" + std::string(dtypeReprName(dt)));
        const bool summarize = t.numel() > o.threshold;
        Tensor plain = detach(t);
        if (dt == DType::Float16 || dt == DType::BFloat16)
            plain = to(plain, DType::Float32);
        const Tensor shown = summarize ? summarized(plain, o) : plain;
        if (isComplex(dt)) {
            std::vector<double> re, im;
            for (int64_t i = 0; i < shown.numel(); ++i) {
                const Scalar v = shown.elementAt(i);
                re.push_back(v.toDouble());
                im.push_back(v.imag());
            }
            Formatter fr(re, true, toReal(dt), o), fi(im, true, toReal(dt), o);
            body = tensorStr(plain, indent, summarize, ElementText{fr, &fi}, o);
        } else {
            Formatter f(valuesOf(shown), isFloating(dt), dt, o);
            body = tensorStr(plain, indent, summarize, ElementText{f}, o);
        }
    }
    if (t.gradFn())
        suffixes.push_back("grad_fn=<" + std::string(t.gradFn()) + ">");
    else if (t.requiresGrad())
        suffixes.push_back("requires_grad=True");
    std::string out = prefix + body;
    const size_t nl = out.rfind('\n');
    int64_t lastLineLen = static_cast<int64_t>(out.size()) - (nl == std::string::npos ? -1 : static_cast<int64_t>(nl)) + 1;
    for (const std::string& s : suffixes) {
        const auto len = static_cast<int64_t>(s.size());
        if (lastLineLen + len + 2 > o.linewidth) {
            out += ",\n" + std::string(static_cast<size_t>(indent), ' ') + s;
            lastLineLen = indent + len;
        } else {
            out += ", " + s;
            lastLineLen += len + 2;
        }
    }
    return out + ")";
}

std::string Tensor::repr() const { return defined() ? formatTensor(*this) : "None"; }

} // namespace gs::tensor
