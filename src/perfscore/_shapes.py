"""The methods of records without a default_factory, by field count (records.py).

Written by ``python -m perfscore.records``; do not edit (tests/test_records.py checks
that it is what records.py would write)."""

# fmt: off
# ruff: noqa
# mypy: ignore-errors

LARGEST = 20


def init_0(self):
    pass

def eq_0(self, other):
    if other.__class__ is self.__class__:
        return () == ()
    return NotImplemented

def hash_0(self):
    return hash(())


def init_1(self, _f0):
    self._f0 = _f0

def eq_1(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,) == (other._f0,)
    return NotImplemented

def hash_1(self):
    return hash((self._f0,))


def init_2(self, _f0, _f1):
    self._f0 = _f0
    self._f1 = _f1

def eq_2(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,) == (other._f0,other._f1,)
    return NotImplemented

def hash_2(self):
    return hash((self._f0,self._f1,))


def init_3(self, _f0, _f1, _f2):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2

def eq_3(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,) == (other._f0,other._f1,other._f2,)
    return NotImplemented

def hash_3(self):
    return hash((self._f0,self._f1,self._f2,))


def init_4(self, _f0, _f1, _f2, _f3):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3

def eq_4(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,) == (other._f0,other._f1,other._f2,other._f3,)
    return NotImplemented

def hash_4(self):
    return hash((self._f0,self._f1,self._f2,self._f3,))


def init_5(self, _f0, _f1, _f2, _f3, _f4):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4

def eq_5(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,) == (other._f0,other._f1,other._f2,other._f3,other._f4,)
    return NotImplemented

def hash_5(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,))


def init_6(self, _f0, _f1, _f2, _f3, _f4, _f5):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5

def eq_6(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,)
    return NotImplemented

def hash_6(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,))


def init_7(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6

def eq_7(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,)
    return NotImplemented

def hash_7(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,))


def init_8(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7

def eq_8(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,)
    return NotImplemented

def hash_8(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,))


def init_9(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8

def eq_9(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,)
    return NotImplemented

def hash_9(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,))


def init_10(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9

def eq_10(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,)
    return NotImplemented

def hash_10(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,))


def init_11(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10

def eq_11(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,)
    return NotImplemented

def hash_11(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,))


def init_12(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11

def eq_12(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,)
    return NotImplemented

def hash_12(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,))


def init_13(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11
    self._f12 = _f12

def eq_13(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,other._f12,)
    return NotImplemented

def hash_13(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,))


def init_14(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11
    self._f12 = _f12
    self._f13 = _f13

def eq_14(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,other._f12,other._f13,)
    return NotImplemented

def hash_14(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,))


def init_15(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13, _f14):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11
    self._f12 = _f12
    self._f13 = _f13
    self._f14 = _f14

def eq_15(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,other._f12,other._f13,other._f14,)
    return NotImplemented

def hash_15(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,))


def init_16(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13, _f14, _f15):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11
    self._f12 = _f12
    self._f13 = _f13
    self._f14 = _f14
    self._f15 = _f15

def eq_16(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,other._f12,other._f13,other._f14,other._f15,)
    return NotImplemented

def hash_16(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,))


def init_17(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13, _f14, _f15, _f16):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11
    self._f12 = _f12
    self._f13 = _f13
    self._f14 = _f14
    self._f15 = _f15
    self._f16 = _f16

def eq_17(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,self._f16,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,other._f12,other._f13,other._f14,other._f15,other._f16,)
    return NotImplemented

def hash_17(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,self._f16,))


def init_18(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13, _f14, _f15, _f16, _f17):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11
    self._f12 = _f12
    self._f13 = _f13
    self._f14 = _f14
    self._f15 = _f15
    self._f16 = _f16
    self._f17 = _f17

def eq_18(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,self._f16,self._f17,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,other._f12,other._f13,other._f14,other._f15,other._f16,other._f17,)
    return NotImplemented

def hash_18(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,self._f16,self._f17,))


def init_19(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13, _f14, _f15, _f16, _f17, _f18):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11
    self._f12 = _f12
    self._f13 = _f13
    self._f14 = _f14
    self._f15 = _f15
    self._f16 = _f16
    self._f17 = _f17
    self._f18 = _f18

def eq_19(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,self._f16,self._f17,self._f18,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,other._f12,other._f13,other._f14,other._f15,other._f16,other._f17,other._f18,)
    return NotImplemented

def hash_19(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,self._f16,self._f17,self._f18,))


def init_20(self, _f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13, _f14, _f15, _f16, _f17, _f18, _f19):
    self._f0 = _f0
    self._f1 = _f1
    self._f2 = _f2
    self._f3 = _f3
    self._f4 = _f4
    self._f5 = _f5
    self._f6 = _f6
    self._f7 = _f7
    self._f8 = _f8
    self._f9 = _f9
    self._f10 = _f10
    self._f11 = _f11
    self._f12 = _f12
    self._f13 = _f13
    self._f14 = _f14
    self._f15 = _f15
    self._f16 = _f16
    self._f17 = _f17
    self._f18 = _f18
    self._f19 = _f19

def eq_20(self, other):
    if other.__class__ is self.__class__:
        return (self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,self._f16,self._f17,self._f18,self._f19,) == (other._f0,other._f1,other._f2,other._f3,other._f4,other._f5,other._f6,other._f7,other._f8,other._f9,other._f10,other._f11,other._f12,other._f13,other._f14,other._f15,other._f16,other._f17,other._f18,other._f19,)
    return NotImplemented

def hash_20(self):
    return hash((self._f0,self._f1,self._f2,self._f3,self._f4,self._f5,self._f6,self._f7,self._f8,self._f9,self._f10,self._f11,self._f12,self._f13,self._f14,self._f15,self._f16,self._f17,self._f18,self._f19,))
