// Crops an image to the aspect of width x height (keeping the centre) and scales it to exactly that size, in a canvas.
// Returns the encoded bytes (same type for JPEG and WebP, PNG otherwise) for the server to check and store.
export async function cropToSize(url, width, height, type) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The image could not be read (HTTP ${response.status}).`);
    const bitmap = await createImageBitmap(await response.blob());
    const scale = Math.max(width / bitmap.width, height / bitmap.height);
    const sourceWidth = width / scale, sourceHeight = height / scale;
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, (bitmap.width - sourceWidth) / 2, (bitmap.height - sourceHeight) / 2, sourceWidth, sourceHeight, 0, 0, width, height);
    bitmap.close();
    const output = type === "image/jpeg" || type === "image/webp" ? type : "image/png";
    const blob = await new Promise((resolve, reject) =>
        canvas.toBlob(b => b ? resolve(b) : reject(new Error("The browser could not encode the image.")), output, 0.92));
    return new Uint8Array(await blob.arrayBuffer());
}
