"""Edge cases of the core bindings (Seed, Stream, BitGenerator): argument types as a
demanding user passes them, huge counts, and reads of a stream's state under its lock."""

import os
import subprocess
import sys
import threading
import unittest

import support
from repro_rng import Permutation, Seed, Stream, _lib


class CountingLock:
    """A stand-in for a stream's lock that counts how often it is taken."""

    def __init__(self):
        self.entered = 0

    def __enter__(self):
        self.entered += 1

    def __exit__(self, *exc):
        return False


class StateReadsTakeTheLock(unittest.TestCase):
    # The position is two fields in C (buffer tag + offset) that a draw in another
    # thread rewrites: reading it without the lock can give a position that never was.
    def test_tell_save_seed(self):
        s = Stream(3)
        s.u32(5)
        for read in (s.tell, s.save, lambda: s.seed, s.__repr__):
            with self.subTest(read=read):
                s._lock = lock = CountingLock()
                read()
                self.assertGreaterEqual(lock.entered, 1)


class SharedBetweenThreads(unittest.TestCase):
    def test_draws_are_whole(self):
        # Under the lock every draw takes whole words: together the threads drew the
        # stream's first words, each once, in some order.
        s, got = Stream(11), [[] for _ in range(4)]

        def work(k):
            for i in range(500):
                if i % 3 == 0:
                    got[k].extend(s.u32(3))
                elif i % 3 == 1:
                    got[k].append(s.u32())
                else:
                    s.u32(4, at=i)  # never moves the stream
                    got[k].extend(s.u32(5))
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        drawn = sorted(int(v) for words in got for v in words)
        self.assertEqual(s.tell(), len(drawn))
        self.assertEqual(drawn, sorted(int(v) for v in Stream(11).u32(len(drawn))))


class ExplicitLibraryName(unittest.TestCase):
    def test_bare_file_name_is_a_path_in_the_working_directory(self):
        # REPRO_RNG_LIBRARY is a path, "that file only": a bare name is the file in
        # the working directory, never one the dynamic loader's search finds instead.
        lib = os.path.realpath(_lib.path)
        env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
        env.update(REPRO_RNG_LIBRARY=os.path.basename(lib), PYTHONDONTWRITEBYTECODE="1",
                   PYTHONPATH=str(support.REPO / "bindings" / "python"))
        proc = subprocess.run(
            [sys.executable, "-c", "import os, repro_rng; "
             "print(os.path.realpath(repro_rng.library_path()))"],
            env=env, cwd=os.path.dirname(lib), capture_output=True, text=True,
            timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.strip(), lib)
        self.assertEqual(_lib.candidates({"REPRO_RNG_LIBRARY": "x.so"}),
                         [(os.path.join(os.curdir, "x.so"), "REPRO_RNG_LIBRARY")])


class HugeCounts(unittest.TestCase):
    # A count no array can hold is a ValueError with or without numpy (numpy says
    # "Maximum allowed dimension exceeded"; array.array would raise OverflowError).
    def test_beyond_memory(self):
        s = Stream(1)
        for n in (sys.maxsize + 1, 1 << 64, 1 << 80):
            for draw in (s.double, s.u32, s.float):
                with self.subTest(n=n, draw=draw.__name__):
                    with self.assertRaises(ValueError):
                        draw(n)
            with self.assertRaises(ValueError):
                s.bounded(n, 7)
        self.assertEqual(s.tell(), 0)


class SeedTypes(unittest.TestCase):
    def test_wrong_type_message_names_what_is_accepted(self):
        for x in (None, 1.5, [1], True):
            with self.subTest(x=x), self.assertRaises(TypeError) as cm:
                Seed(x)
            self.assertIn("str", str(cm.exception))
            self.assertIn(type(x).__name__, str(cm.exception))


class NumpyArguments(unittest.TestCase):
    def setUp(self):
        self.np = support.numpy_or_skip()

    def test_numpy_bools_are_not_numbers(self):
        # The README: a bool where a number is expected is a TypeError; numpy's bools
        # have __index__ but are bools all the same.
        np, s = self.np, Stream(1)
        for b in (np.bool_(True), np.array(True)):
            for call in (s.double, s.seek, s.skip, lambda v: s.double(2, at=v),
                         lambda v: s.bounded(1, v), Seed):
                with self.subTest(b=repr(b), call=call), self.assertRaises(TypeError):
                    call(b)
        self.assertEqual(s.tell(), 0)
        p = Permutation(1, 10)
        for key in (np.bool_(True), [np.bool_(True)], [1, True]):
            with self.subTest(key=key), self.assertRaises(TypeError):
                p[key]

    def test_numpy_integers_are_numbers(self):
        np, s = self.np, Stream(1)
        s.seek(np.uint64(2**64 - 1))
        self.assertEqual(s.tell(), 2**64 - 1)
        self.assertEqual(len(s.double(np.int32(3))), 3)
        self.assertEqual(Seed(np.uint64(5)), Seed(5))

    def test_random_raw_takes_a_shape(self):
        # numpy's BitGenerator.random_raw: size an int or a tuple of ints.
        np = self.np
        bg = Stream(8).bit_generator()
        raw = bg.random_raw((2, 3))
        self.assertEqual(raw.shape, (2, 3))
        self.assertEqual(raw.dtype, np.uint64)
        self.assertEqual(raw.ravel().tolist(), Stream(8).u64(6).tolist())
        self.assertEqual(bg.stream.tell(), 12)
        self.assertEqual(bg.random_raw(()).shape, ())
        self.assertIsNone(bg.random_raw((2,), output=False))
        self.assertEqual(bg.stream.tell(), 18)
        self.assertEqual(bg.random_raw(3).shape, (3,))
        with self.assertRaises(TypeError):
            bg.random_raw(2.0)


if __name__ == "__main__":
    unittest.main()
