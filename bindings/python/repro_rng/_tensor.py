"""Torch tensors as fill buffers, without importing torch.

A tensor does not export the buffer protocol, so Stream.fill reaches its memory through
a ctypes array at data_ptr() whose element type stands for the tensor's dtype: the
fill then writes in place, and the dtype picks the draw as for numpy arrays (int64 and
int32 hold the bits of u64 and u32 draws; uint8 is raw bytes)."""

import ctypes
import sys

_ELEMENT = {  # torch dtype name -> the ctypes element whose buffer format means it
    "float64": ctypes.c_double,
    "float32": ctypes.c_float,
    "int64": ctypes.c_uint64,
    "int32": ctypes.c_uint32,
    "uint8": ctypes.c_uint8,
}


def is_tensor(obj):
    """True for a torch.Tensor; never imports torch (no tensor exists without it)."""
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(obj, torch.Tensor)


def as_buffer(obj):
    """obj itself, or for a torch tensor a writable buffer over its memory (no copy).

    TypeError for a dtype outside float64, float32, int64, int32, uint8; ValueError for
    a tensor that is not on the CPU, not strided (sparse), not contiguous, a negative
    view (it reads its memory negated), or requires grad while grad mode is on
    (autograd would not see the write).  The caller keeps obj alive while the buffer
    is used, and calls written(obj) once it has written."""
    if not is_tensor(obj):
        return obj
    dtype = str(obj.dtype).replace("torch.", "")
    element = _ELEMENT.get(dtype)
    if element is None:
        raise TypeError("cannot fill a torch tensor of dtype %s (float64, float32, "
                        "int64, int32 or uint8)" % dtype)
    torch = sys.modules["torch"]
    if obj.device.type != "cpu":
        raise ValueError("tensor must be on the CPU, not %s" % obj.device)
    if obj.layout != torch.strided:
        raise ValueError("tensor must be strided (dense), not %s"
                         % str(obj.layout).replace("torch.", ""))
    if not obj.is_contiguous():
        raise ValueError("tensor must be contiguous")
    if obj.is_neg():
        raise ValueError("tensor is a negative view: fill t.resolve_neg()")
    if obj.requires_grad and torch.is_grad_enabled():
        raise ValueError("tensor requires grad: fill it under torch.no_grad() "
                         "(as torch.nn.init does) or fill t.detach()")
    count = obj.numel()
    if count == 0:
        return (element * 0)()
    return (element * count).from_address(obj.data_ptr())


def written(obj):
    """After a write into obj's memory: for a tensor, counts it in the version counter
    as torch's in-place ops do, so that autograd refuses a backward through a graph
    that saved the old values instead of using the new ones.  An in-place op on an
    empty view of the same memory does it (the views share the counter) with public
    API only; inference tensors have no counter."""
    if is_tensor(obj) and not obj.is_inference():
        obj.detach().view(-1)[:0].zero_()
