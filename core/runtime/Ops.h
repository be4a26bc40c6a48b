#pragma once
// The generic object protocol with Python semantics: what the interpreter does to a value.
// Heap types (scenario classes) dispatch to their dunder methods; native types to the Object
// virtuals; ints, floats, bools and None are handled inline. All functions use the current
// interpreter and may throw PyError.
#include <string>
#include <vector>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Type;
class Dict;

// The name CPython prints for the value's type in messages ('int', 'MyClass').
std::string typeName(const Value& v);

namespace ops {

Type* typeOf(const Value& v);         // the real type
Type* visibleTypeOf(const Value& v);  // what type() / isinstance / __class__ see
bool isInstance(const Value& v, Type* t);
bool isSubclass(Type* a, Type* b);

std::string repr(const Value& v);
std::string str(const Value& v);
std::string format(const Value& v, std::string_view spec);
bool truthy(const Value& v);
int64_t hash(const Value& v);
int64_t length(const Value& v);  // TypeError: object of type 'X' has no len()

// Rich comparison returning the raw result (maybe a non-bool from __eq__).
Value compare(CmpOpKind op, const Value& a, const Value& b);
bool compareBool(CmpOpKind op, const Value& a, const Value& b);
bool equals(const Value& a, const Value& b);  // a == b, identity shortcut like containers do
bool less(const Value& a, const Value& b);    // a < b (sorting)

Value binary(BinOpKind op, const Value& a, const Value& b);
Value inplace(BinOpKind op, const Value& a, const Value& b);
Value unary(UnaryOpKind op, const Value& a);

// Attribute protocol. getAttr raises AttributeError; getAttrOpt returns Null when the
// attribute is simply missing (no exception built), but lets errors raised by properties and
// __getattr__ implementations other than AttributeError through.
Value getAttr(const Value& obj, Str* name);
Value getAttrOpt(const Value& obj, Str* name);
Value getAttrOptOrRaise(const Value& obj, Str* name);
void setAttr(const Value& obj, Str* name, const Value& v);
void delAttr(const Value& obj, Str* name);
// The generic algorithms (object.__getattribute__ / __setattr__), skipping overrides.
Value genericGetAttr(const Value& obj, Str* name, bool& found);
void genericSetAttr(const Value& obj, Str* name, const Value& v);
void genericDelAttr(const Value& obj, Str* name);
// Binds a class attribute found on the type to an instance (functions -> bound methods,
// classmethod, staticmethod, property getters, __get__).
Value bindDescriptor(const Value& descr, const Value& instance, Type* owner);
bool isDataDescriptor(const Value& descr);

Value getItem(const Value& obj, const Value& key);
void setItem(const Value& obj, const Value& key, const Value& v);
void delItem(const Value& obj, const Value& key);
bool contains(const Value& container, const Value& item);

Value getIter(const Value& v);               // iter(v)
bool next(const Value& iterator, Value& out);  // false when exhausted
std::vector<Value> toVector(const Value& iterable);

Value call(const Value& f, const CallArgs& args);
Value call0(const Value& f);
Value call1(const Value& f, const Value& a);
Value call2(const Value& f, const Value& a, const Value& b);
Value callMethod(const Value& obj, Str* name, std::initializer_list<Value> args);
bool isCallable(const Value& v);

// Conversions: __index__ (TypeError "'X' object cannot be interpreted as an integer").
int64_t toIndex(const Value& v);
bool tryIndex(const Value& v, int64_t& out);
double toDouble(const Value& v);  // int/float/bool or __float__
bool tryDouble(const Value& v, double& out);

// For heap types: the dunder method along the MRO (scenario classes only), or Null.
Value findDunder(Type* t, Str* name);

} // namespace ops
} // namespace gs::runtime
