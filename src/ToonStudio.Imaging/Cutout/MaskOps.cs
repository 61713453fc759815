namespace ToonStudio.Imaging.Cutout;

/// <summary>Small operations on 8-bit masks (255 = subject).</summary>
internal static class MaskOps
{
    /// <summary>Drops subject specks smaller than <paramref name="minArea"/> pixels (noise the flood stepped around).</summary>
    public static void RemoveSpecks(byte[] mask, int w, int h, int minArea)
    {
        var label = new int[mask.Length];
        var stack = new Stack<int>();
        var component = new List<int>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || label[start] != 0)
            {
                continue;
            }

            component.Clear();
            label[start] = 1;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                component.Add(p);
                int x = p % w, y = p / w;
                if (x > 0)
                { Push(p - 1); }
                if (x < w - 1)
                { Push(p + 1); }
                if (y > 0)
                { Push(p - w); }
                if (y < h - 1)
                { Push(p + w); }
            }

            if (component.Count < minArea)
            {
                foreach (var p in component)
                {
                    mask[p] = 0;
                }
            }
        }

        void Push(int q)
        {
            if (mask[q] != 0 && label[q] == 0)
            {
                label[q] = 1;
                stack.Push(q);
            }
        }
    }

    /// <summary>Keeps the largest subject component and those at least <paramref name="fraction"/> of its size.</summary>
    public static void KeepLargest(byte[] mask, int w, int h, float fraction)
    {
        var label = new int[mask.Length];
        var sizes = new List<int> { 0 };
        var stack = new Stack<int>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || label[start] != 0)
            {
                continue;
            }

            var id = sizes.Count;
            var size = 0;
            label[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                size++;
                int x = p % w, y = p / w;
                if (x > 0 && mask[p - 1] != 0 && label[p - 1] == 0)
                { label[p - 1] = id; stack.Push(p - 1); }
                if (x < w - 1 && mask[p + 1] != 0 && label[p + 1] == 0)
                { label[p + 1] = id; stack.Push(p + 1); }
                if (y > 0 && mask[p - w] != 0 && label[p - w] == 0)
                { label[p - w] = id; stack.Push(p - w); }
                if (y < h - 1 && mask[p + w] != 0 && label[p + w] == 0)
                { label[p + w] = id; stack.Push(p + w); }
            }

            sizes.Add(size);
        }

        var largest = 0;
        foreach (var size in sizes)
        {
            largest = Math.Max(largest, size);
        }

        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0 && sizes[label[i]] < largest * fraction)
            {
                mask[i] = 0;
            }
        }
    }

    /// <summary>A 3×3 box blur: a one-pixel feather that hides the staircase of a hard mask.</summary>
    public static byte[] Feather(byte[] mask, int w, int h)
    {
        var output = new byte[mask.Length];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                int sum = 0, count = 0;
                for (var dy = -1; dy <= 1; dy++)
                {
                    var yy = y + dy;
                    if (yy < 0 || yy >= h)
                    { continue; }
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var xx = x + dx;
                        if (xx < 0 || xx >= w)
                        { continue; }
                        sum += mask[yy * w + xx];
                        count++;
                    }
                }

                output[y * w + x] = (byte)(sum / count);
            }
        }

        return output;
    }
}
