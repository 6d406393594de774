#!/usr/bin/env python3
"""What real machine translation leaves behind, put into news paragraphs written for this project,
for measuring the checks of issue 28 (tests/mt_artefacts.rs holds the figures).

    scripts/mt-artefacts.py [--seed N] [--out FILE]

Writes one case a line (JSON): the kind of artefact, the rule that owns it, the paragraph, the
artefact as written (`wrong`: the finding must overlap it) and, where one right repair exists, the
whole paragraph as it reads after the finding's first fix (`fixed`). The artefacts come from what
machine translation does, not from lintas: a full stop put inside a sentence, a speech tag said
twice, boilerplate translated with the story, English word order, English date order, a number
with the other convention's separators, a name or an institution word one letter off. Every
sentence here was written for this project; none is taken from a corpus.
"""

import argparse
import json
import pathlib
import random
from datetime import date

ROOT = pathlib.Path(__file__).resolve().parent.parent
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]

# ------------------------------------------------------------------ sentence breaks
# A sentence and the words that should follow it in the same sentence, cut by a stray full stop;
# the cut-off half starts with a word that carries the clause on: the stop is to be deleted.
JOINS = [
    ("Pemerintah provinsi menyiapkan 12 truk air bersih", "yang akan dikirim ke desa-desa terdampak kekeringan."),
    ("Harga cabai rawit di Pasar Induk Kramat Jati naik tajam", "sehingga banyak pedagang memilih mengurangi stok."),
    ("Tim SAR gabungan terus menyisir aliran sungai", "untuk mencari dua warga yang hanyut sejak Sabtu."),
    ("Bupati meminta camat memperbarui data penerima bantuan", "karena banyak warga miskin belum terdaftar."),
    ("Kereta cepat itu melayani rata-rata 18 ribu penumpang per hari", "dengan tingkat keterisian tertinggi pada akhir pekan."),
    ("Sebanyak 40 pelajar mengikuti lomba debat bahasa Inggris", "di aula kantor dinas pendidikan."),
    ("Polisi mengamankan barang bukti berupa dua sepeda motor", "serta sebilah senjata tajam."),
    ("Warga mengeluhkan jalan rusak di ruas Cileungsi", "yang belum diperbaiki sejak awal tahun."),
    ("Bank sentral mempertahankan suku bunga acuan", "meskipun tekanan terhadap rupiah meningkat."),
    ("Pedagang kaki lima diberi waktu satu pekan", "untuk memindahkan lapak mereka ke lokasi baru."),
    ("Puluhan rumah di bantaran sungai terendam banjir setinggi satu meter", "setelah hujan deras mengguyur semalaman."),
    ("Kementerian menyalurkan bantuan pangan kepada 2.000 keluarga", "di tiga kecamatan yang terisolasi."),
    ("Festival kuliner itu menghadirkan 150 pelaku UMKM", "dari berbagai daerah di Jawa Tengah."),
    ("Gubernur meninjau langsung proyek perbaikan tanggul", "bersama kepala dinas pekerjaan umum."),
    ("Panitia menyediakan 300 kursi bagi penonton", "tetapi jumlah yang datang hampir dua kali lipat."),
    ("Pihak sekolah meliburkan kegiatan belajar", "hingga kondisi gedung dinyatakan aman."),
    ("Nelayan di pesisir utara tidak melaut selama sepekan", "akibat gelombang tinggi dan angin kencang."),
    ("Dinas kesehatan membuka posko pemeriksaan gratis", "bagi warga yang mengungsi di balai desa."),
    ("Pemain muda itu mencetak dua gol", "dalam laga uji coba melawan tim tamu."),
    ("Kejaksaan menahan tiga tersangka korupsi dana desa", "setelah pemeriksaan selama sembilan jam."),
]
# Two sentences where the second lost its capital.
CAPITALS = [
    ("Harga beras medium kembali naik pekan ini.", "pedagang di Pasar Cikurubuk mengaku omzet mereka turun."),
    ("Banjir merendam ratusan rumah di Kecamatan Baleendah.", "warga mulai mengungsi ke masjid dan sekolah terdekat."),
    ("Pemerintah kota menambah armada bus sekolah gratis.", "program itu diharapkan mengurangi kemacetan pada pagi hari."),
    ("Polisi menutup sementara jalur menuju kawasan wisata.", "petugas mengalihkan kendaraan ke jalan alternatif."),
    ("Gempa bermagnitudo 5,2 mengguncang pesisir selatan.", "belum ada laporan kerusakan bangunan."),
    ("Kapal feri tertahan di pelabuhan karena cuaca buruk.", "ratusan penumpang terpaksa menginap di ruang tunggu."),
    ("Sekolah itu menerima siswa baru secara daring.", "pendaftaran dibuka hingga akhir bulan."),
    ("Kebakaran melanda gudang mebel di kawasan industri.", "api baru padam setelah empat jam."),
    ("Tim nasional berlatih tertutup jelang laga kualifikasi.", "pelatih enggan membeberkan susunan pemain."),
    ("Produksi padi di kabupaten itu melampaui target.", "petani berharap harga gabah tetap stabil."),
    ("Pemadaman listrik bergilir berlangsung sejak pagi.", "pelaku usaha kecil mengeluhkan kerugian."),
    ("Rapat paripurna DPRD molor dua jam.", "sebagian anggota dewan belum hadir hingga siang."),
    ("Harga tiket pesawat melonjak menjelang libur sekolah.", "maskapai menambah jadwal penerbangan ke Bali."),
    ("Pasar murah digelar di halaman kantor kecamatan.", "antrean warga mengular sejak subuh."),
    ("Ombudsman menerima 120 aduan soal layanan publik.", "sebagian besar menyangkut perizinan usaha."),
    ("Relawan membagikan masker kepada pengendara.", "kabut asap masih menyelimuti kota sejak kemarin."),
    ("Jalan tol itu akan diresmikan bulan depan.", "uji laik fungsi sudah rampung dilakukan."),
    ("Stok darah di PMI kota menipis.", "masyarakat diimbau mendonorkan darahnya."),
    ("Pelabuhan perikanan itu direvitalisasi tahun ini.", "anggarannya berasal dari dana alokasi khusus."),
    ("Ribuan pelari ikut maraton di pusat kota.", "panitia menutup sejumlah ruas jalan sejak dini hari."),
]
# A quotation, its speech tag, and the tag the translation added.
QUOTES = [
    ("Kami akan memastikan stok beras aman sampai Lebaran", "ujarnya", "tuturnya"),
    ("Perbaikan jembatan ditargetkan selesai bulan depan", "katanya", "ujarnya"),
    ("Tidak ada toleransi bagi pelaku pungutan liar", "tegasnya", "katanya"),
    ("Warga diminta tetap waspada terhadap banjir susulan", "imbuhnya", "tambahnya"),
    ("Kami sudah menurunkan tim ke lokasi sejak pagi", "jelasnya", "ujarnya"),
    ("Anggaran untuk program ini sudah tersedia", "ucapnya", "katanya"),
    ("Pendaftaran dibuka untuk semua warga tanpa biaya", "tuturnya", "ucapnya"),
    ("Kami masih menunggu hasil uji laboratorium", "ungkapnya", "jelasnya"),
]
# Text a careless check would take for a broken sentence: it must stay clean.
BREAK_CONTEXT = "Pendaftaran dilakukan di kantor kelurahan, Jl. Merdeka No. 4, dengan membawa KTP, KK, dll."


def sentence_breaks(rng):
    cases = []
    for a, b in JOINS:
        text = f"{a}. {b}"
        first = b.split()[0]
        cases.append(case("sentence-break", "sentence-break", text, f". {first}", f"{a} {b}"))
    for a, b in CAPITALS:
        lead = rng.choice(["", BREAK_CONTEXT + " "])
        text = f"{lead}{a} {b}"
        fixed = f"{lead}{a} {b[0].upper()}{b[1:]}"
        cases.append(case("sentence-break", "sentence-break", text, f". {b.split()[0]}", fixed))
    for quote, tag, again in QUOTES:
        text = f"“{quote},” {tag}. {again}."
        cases.append(case("speech-tag", "sentence-break", text, again, f"“{quote},” {tag}."))
    return cases


# ------------------------------------------------------------------ boilerplate
STORIES = [
    "Harga minyak mentah Brent naik 1,3 persen pada perdagangan Selasa setelah data persediaan Amerika Serikat turun lebih dari perkiraan.",
    "Bursa saham Asia dibuka melemah pada Rabu pagi karena investor menunggu keputusan suku bunga bank sentral.",
    "Parlemen Korea Selatan mengesahkan anggaran tambahan untuk membantu petani yang terdampak banjir.",
    "Pemerintah Australia mengumumkan paket bantuan baru bagi pemilik usaha kecil di wilayah terdampak kebakaran hutan.",
    "Sebuah kapal kargo kandas di lepas pantai Filipina, dan petugas penjaga pantai mengevakuasi 18 awaknya.",
    "Produsen mobil asal Jepang itu menarik kembali 120.000 unit kendaraan karena masalah pada sistem rem.",
    "Harga emas dunia menyentuh rekor tertinggi di tengah ketidakpastian kebijakan perdagangan.",
    "Otoritas kesehatan Thailand melaporkan peningkatan kasus demam berdarah di sejumlah provinsi.",
]
# (boilerplate as written, what stays when it is deleted: "line" appends a line, "sentence"
# appends a sentence to the story's paragraph, "paren" closes the paragraph with it.)
BOILERPLATE = [
    ("line", "Baca artikel selengkapnya di situs mitra kami."),
    ("line", "Baca selengkapnya di Reuters."),
    ("line", "Baca lebih lanjut: Harga minyak diperkirakan stabil pekan depan"),
    ("line", "Klik di sini untuk membaca laporan lengkapnya."),
    ("line", "Berita terkait: Bursa Asia menguat setelah rilis data inflasi"),
    ("line", "Cerita terkait"),
    ("line", "Kredit gambar: Getty Images"),
    ("line", "Kredit foto: Reuters/Kim Hong-Ji"),
    ("line", "Gambar milik Kementerian Luar Negeri"),
    ("line", "Foto milik Associated Press"),
    ("line", "Pelaporan oleh Rina Hartati; Penyuntingan oleh Arif Nugraha"),
    ("line", "Pelaporan tambahan oleh tim biro Singapura"),
    ("line", "Disunting oleh Dewi Lestari"),
    ("line", "Diedit oleh Tom Hogue"),
    ("sentence", "Artikel ini telah diterjemahkan dari bahasa Inggris."),
    ("sentence", "Artikel ini diterjemahkan secara otomatis."),
    ("sentence", "Artikel ini pertama kali muncul di The Conversation."),
    ("sentence", "Artikel ini awalnya diterbitkan oleh Bloomberg."),
    ("sentence", "Cerita ini awalnya diterbitkan di situs Voice of America."),
    ("sentence", "Postingan ini pertama kali muncul di blog penulis."),
    ("sentence", "Materi ini tidak boleh diterbitkan, disiarkan, ditulis ulang, atau didistribusikan ulang."),
    ("sentence", "Semua hak dilindungi."),
    ("paren", "(Pelaporan oleh Kanupriya Kapoor; Penyuntingan oleh Ed Davies)"),
    ("paren", "(Foto AP/Achmad Ibrahim)"),
    ("paren", "(Foto Reuters/Willy Kurniawan)"),
    ("paren", "(semut)"),
    ("paren", "(Disunting oleh Martin Petty)"),
    ("paren", "(Kredit foto: AFP)"),
]


def boilerplate(rng):
    cases = []
    for shape, plate in BOILERPLATE:
        story = rng.choice(STORIES)
        follow = rng.choice([s for s in STORIES if s != story])
        if shape == "line":
            # Between two paragraphs, or closing the article.
            if rng.random() < 0.5:
                text, fixed = f"{story}\n{plate}\n{follow}", f"{story}\n{follow}"
            else:
                text, fixed = f"{story}\n{plate}", story
        elif shape == "sentence":
            text, fixed = f"{story} {plate}\n{follow}", f"{story}\n{follow}"
        else:
            text, fixed = f"{story} {plate}", story
        wrong = plate.strip("()").split()[0]
        cases.append(case("boilerplate", "stray-text", text, wrong, fixed))
    return cases


# ------------------------------------------------------------------ word order
# (sentence with {X}, modifier, head) for a name before its head.
HEAD_SENTENCES = [
    "Menteri Perdagangan membuka {X} di Tokyo pada Senin pagi.",
    "Sebanyak 40 perusahaan ikut serta dalam {X} tahun ini.",
    "Delegasi Indonesia tiba untuk menghadiri {X} yang berlangsung tiga hari.",
    "Kesepakatan senilai 2 miliar dolar AS diteken dalam {X} kemarin.",
    "Panitia {X} memperkirakan jumlah peserta naik dua kali lipat.",
    "Presiden dijadwalkan berpidato pada {X} di Jakarta.",
]
HEAD_PAIRS = [
    ("Indonesia-Jepang", "Forum Bisnis"), ("Indonesia-Afrika", "Forum"), ("ASEAN", "KTT"),
    ("Indonesia-Australia", "Dewan Bisnis"), ("Amerika Serikat", "Kamar Dagang"),
    ("Indonesia-Tiongkok", "Dialog"), ("G20", "Pertemuan Puncak"), ("Jepang", "Kamar Dagang dan Industri"),
    ("APEC", "Forum Bisnis"), ("Indonesia-Korea", "Forum Bisnis"), ("Indonesia-India", "Dewan Bisnis"),
    ("Indonesia-Malaysia", "Forum"), ("ASEAN-Jepang", "Pertemuan Puncak"), ("BRICS", "KTT"),
]
# (head, ordinal, organiser) for an ordinal without ke-.
ORDINALS = [
    ("KTT", 45, "ASEAN"), ("KTT", 19, "G20"), ("Sidang", 79, "Majelis Umum PBB"),
    ("Konferensi", 29, "Perubahan Iklim PBB"), ("Pertemuan", 56, "Menteri Ekonomi ASEAN"),
    ("Kongres", 12, "Bahasa Indonesia"), ("Pameran", 39, "Dagang Indonesia"),
    ("Festival", 10, "Film Indonesia"), ("KTT", 31, "APEC"), ("Kejuaraan", 3, "Asia Junior"),
    ("Sidang", 80, "Majelis Umum PBB"), ("KTT", 16, "BRICS"),
]
ORDINAL_SENTENCES = [
    "Presiden tiba di lokasi {X} pada Sabtu malam.",
    "Indonesia menyampaikan usulan kerja sama maritim dalam {X}.",
    "Ribuan petugas keamanan dikerahkan untuk mengamankan {X}.",
    "Persiapan {X} dinilai sudah mencapai 90 persen.",
]
# (pronoun, adjective, noun) for a possessive before its noun.
POSSESSIVES = [
    ("mereka", "favorit", "lagu"), ("kami", "terbaru", "produk"), ("saya", "tercinta", "kampung"),
    ("kita", "terbesar", "tantangan"), ("mereka", "terbaik", "pemain"), ("kami", "terdekat", "mitra"),
    ("mereka", "kesayangan", "kucing"), ("kita", "terbaik", "generasi"), ("saya", "favorit", "makanan"),
    ("kami", "terbesar", "pasar"), ("mereka", "terbaru", "album"), ("Anda", "favorit", "klub"),
]
POSSESSIVE_SENTENCES = [
    "Para penggemar menyanyikan {X} bersama-sama di akhir konser.",
    "Menurut juru bicara perusahaan, {X} akan dipasarkan mulai bulan depan.",
    "Ia mengatakan {X} menjadi alasan utama keputusan itu.",
]


def word_order(rng):
    cases = []
    for modifier, head in HEAD_PAIRS:
        sentence = rng.choice(HEAD_SENTENCES)
        wrong, right = f"{modifier} {head}", f"{head} {modifier}"
        cases.append(case("word-order", "word-order", sentence.format(X=wrong), wrong, sentence.format(X=right)))
    for head, n, organiser in ORDINALS:
        sentence = rng.choice(ORDINAL_SENTENCES)
        wrong, right = f"{head} {n} {organiser}", f"{head} {organiser} ke-{n}"
        cases.append(case("word-order", "word-order", sentence.format(X=wrong), wrong, sentence.format(X=right)))
    for pronoun, adjective, noun in POSSESSIVES:
        sentence = rng.choice(POSSESSIVE_SENTENCES)
        wrong, right = f"{pronoun} {adjective} {noun}", f"{noun} {adjective} {pronoun}"
        cases.append(case("word-order", "word-order", sentence.format(X=wrong), wrong, sentence.format(X=right)))
    return cases


# ------------------------------------------------------------------ dates
MONTH_DAY_SENTENCES = [
    ("Rapat koordinasi itu digelar pada {X} di Balai Kota.", "pada {X}"),
    ("Bantuan tahap kedua mulai disalurkan sejak {X} lalu.", "sejak {X}"),
    ("Pendaftaran calon peserta ditutup pada bulan {X}.", "pada bulan {X}"),
    ("Kedua negara menandatangani kesepakatan itu pada {X}.", "pada {X}"),
    ("Jalan tol itu ditutup sementara hingga {X} mendatang.", "hingga {X}"),
    ("Hasil seleksi diumumkan pada {X}, kata panitia.", "pada {X}"),
]
WEEKDAY_SENTENCES = [
    "Gubernur meninjau lokasi banjir pada {W} sore di Surabaya ({D}).",
    "Ratusan buruh berunjuk rasa {W} siang di depan Gedung DPRD ({D}).",
    "Kapal itu tiba {W} pagi di Pelabuhan Tanjung Priok ({D}).",
    "Menteri menyampaikan hal itu pada {W} malam di Jakarta ({D}).",
    "Polisi menangkap pelaku pada {W} dini hari di rumahnya ({D}).",
]


def dates(rng):
    cases = []
    for _ in range(24):
        sentence, _ = rng.choice(MONTH_DAY_SENTENCES)
        month = rng.choice(MONTHS)
        day = rng.randint(1, 28)
        wrong, right = f"{month} {day}", f"{day} {month}"
        cases.append(case("month-day", "date-format", sentence.format(X=wrong), wrong, sentence.format(X=right)))
    for _ in range(16):
        d = date(2025, rng.randint(1, 12), rng.randint(1, 28))
        # A weekday that fits neither reading of the date (`3/4/2025` is also 4 March).
        fits = {d.weekday()}
        if d.day <= 12:
            fits.add(date(d.year, d.day, d.month).weekday())
        wrong_day = WEEKDAYS[rng.choice([w for w in range(7) if w not in fits])]
        sentence = rng.choice(WEEKDAY_SENTENCES)
        text = sentence.format(W=wrong_day, D=f"{d.day}/{d.month}/{d.year}")
        # Either the weekday or the date is wrong: no single fix.
        cases.append(case("weekday-date", "date-weekday", text, wrong_day, None))
    return cases


# ------------------------------------------------------------------ numbers
NUMBER_SENTENCES = [
    # (paragraph with {A} for the odd number, the odd number, its right form)
    ("Sebanyak {A} warga mengungsi, sementara 40.000 lainnya bertahan di rumah.", "25,000", "25.000"),
    ("Panitia mencetak 12.500 tiket, tetapi baru {A} yang terjual.", "8,750", "8.750"),
    ("Pabrik itu memproduksi 350.000 unit per tahun dan mengekspor {A} unit di antaranya.", "120,000", "120.000"),
    ("Inflasi tahunan tercatat 3,10% pada Mei, naik dari {A} pada April.", "2.45%", "2,45%"),
    ("Ekonomi tumbuh 5,05 persen, sedikit di atas perkiraan {A} persen.", "4.98", "4,98"),
    ("Stadion berkapasitas 60.000 kursi itu hanya diisi {A} penonton.", "15,000", "15.000"),
    ("Pemerintah menyiapkan 1.200 ton beras dan {A} liter minyak goreng.", "30,000", "30.000"),
    ("Nilai ekspor naik 7,5 persen, sedangkan impor turun {A} persen.", "2.3", "2,3"),
    ("Jumlah wisatawan mencapai 18.000 orang, naik dari {A} orang tahun lalu.", "14,500", "14.500"),
    ("Sebanyak 2.500 guru honorer dan {A} tenaga kesehatan diangkat tahun ini.", "1,800", "1.800"),
    ("Tingkat pengangguran turun menjadi 4,76 persen dari {A} persen.", "5.32", "5,32"),
    ("Sekitar 9.000 rumah tersambung listrik, dan {A} lainnya menyusul tahun depan.", "6,000", "6.000"),
    ("Harga saham itu naik {A}% setelah laba kuartalan naik 12,4%.", "3.8", "3,8"),
    ("Bantuan diberikan kepada 75.000 keluarga di 210 desa dan {A} keluarga di kota.", "11,000", "11.000"),
    ("Dari 48.000 peserta ujian, {A} orang dinyatakan lulus.", "36,400", "36.400"),
    ("Suku bunga kredit turun menjadi 8,25 persen dari {A} persen.", "8.75", "8,75"),
    ("Proyek itu menyerap 3.400 pekerja lokal dan {A} pekerja dari luar daerah.", "1,100", "1.100"),
    ("Rupiah melemah 0,4 persen, sementara indeks saham turun {A} persen.", "1.2", "1,2"),
    ("Luas lahan yang terbakar mencapai 5.600 hektare, dan {A} hektare di antaranya hutan lindung.", "2,300", "2.300"),
    ("Kapasitas pembangkit bertambah 1.500 megawatt dan ditargetkan {A} megawatt lagi tahun depan.", "2,000", "2.000"),
    ("Penjualan mobil naik 6,2 persen, sedangkan sepeda motor naik {A} persen.", "3.4", "3,4"),
    ("Jumlah penumpang kereta mencapai 42.000 orang pada hari pertama dan {A} orang pada hari kedua.", "39,000", "39.000"),
    ("Pemerintah daerah menanam 20.000 bibit mangrove dan {A} bibit cemara laut.", "5,000", "5.000"),
    ("Angka kemiskinan turun ke 8,57 persen dari {A} persen setahun sebelumnya.", "9.03", "9,03"),
]


def numbers():
    cases = []
    for sentence, wrong, right in NUMBER_SENTENCES:
        cases.append(case("number-consistency", "number-format", sentence.format(A=wrong), wrong, sentence.format(A=right)))
    return cases


# ------------------------------------------------------------------ names
# (sentence with {N}, the name as written right, the word to misspell, the misspelling)
NAME_CASES = [
    ("Menteri Keuangan {N} menyampaikan realisasi APBN semester pertama.", "Sri Mulyani Indrawati", "Indrawati", "Indrawaty"),
    ("Presiden {N} melantik sejumlah duta besar di Istana Negara.", "Prabowo Subianto", "Subianto", "Subiyanto"),
    ("Menko Perekonomian {N} menyebut pertumbuhan ekonomi tetap terjaga.", "Airlangga Hartarto", "Hartarto", "Hartanto"),
    ("Kapolri Jenderal {N} memimpin apel pasukan pengamanan mudik.", "Listyo Sigit Prabowo", "Listyo", "Listio"),
    ("Menteri Luar Negeri {N} bertemu mitranya dari Singapura.", "Sugiono", None, None),
    ("Mendagri {N} meminta kepala daerah menekan inflasi.", "Tito Karnavian", "Karnavian", "Karnavean"),
    ("Menteri ESDM {N} meninjau pembangunan smelter di Halmahera.", "Bahlil Lahadalia", "Lahadalia", "Lahadalya"),
    ("Wakil Presiden {N} mengunjungi sekolah rakyat di Bekasi.", "Gibran Rakabuming Raka", "Rakabuming", "Rakabumin"),
    ("Menteri Kesehatan {N} mengumumkan program cek kesehatan gratis.", "Budi Gunadi Sadikin", "Sadikin", "Sadikim"),
    ("Menteri BUMN {N} merombak jajaran direksi perusahaan pelat merah.", "Erick Thohir", "Thohir", "Tohir"),
    ("Menko Pangan {N} memastikan stok beras cukup hingga akhir tahun.", "Zulkifli Hasan", "Zulkifli", "Zulkifly"),
    ("Menteri Pertahanan {N} menerima kunjungan kehormatan dari Prancis.", "Sjafrie Sjamsoeddin", "Sjamsoeddin", "Sjamsoedin"),
    ("Ketua MPR {N} membuka sidang tahunan.", "Ahmad Muzani", "Muzani", "Muzanni"),
    ("Menteri Agama {N} melepas kloter pertama jemaah haji.", "Nasaruddin Umar", "Nasaruddin", "Nasarudin"),
    ("Menteri Pendidikan Dasar dan Menengah {N} meninjau ujian sekolah.", "Abdul Mu'ti", None, None),
    ("Menteri Komunikasi dan Digital {N} meluncurkan layanan internet desa.", "Meutya Hafid", "Meutya", "Meutia"),
    ("Mantan presiden {N} hadir dalam upacara itu.", "Susilo Bambang Yudhoyono", "Yudhoyono", "Yudoyono"),
    ("Menteri Hukum {N} menyerahkan sertifikat kekayaan intelektual.", "Supratman Andi Agtas", "Supratman", "Supratma"),
]
# Heads of state and institution words, alone in a sentence.
WELL_KNOWN_CASES = [
    ("Perdana Menteri Australia Anthony {N} tiba di Jakarta.", "Albanese", "Albanes"),
    ("Presiden Turki Recep Tayyip {N} menyerukan gencatan senjata.", "Erdogan", "Erdongan"),
    ("Presiden Prancis Emmanuel {N} dijadwalkan berkunjung ke Borobudur.", "Macron", "Macrom"),
    ("Perdana Menteri Israel Benjamin {N} menolak usulan tersebut.", "Netanyahu", "Netanyahy"),
    ("Presiden Ukraina Volodymyr {N} berbicara di depan parlemen.", "Zelenskyy", "Zelenskky"),
    ("Pejabat {N} Keuangan menjelaskan skema subsidi baru.", "Kementerian", "Kementerin"),
    ("Penyidik {N} Daerah Jawa Barat memeriksa lima saksi.", "Kepolisian", "Kepolisan"),
    ("Pemerintah {N} Bogor menyiapkan lahan relokasi.", "Kabupaten", "Kabupatan"),
    ("Tim dari {N} Agung menggeledah kantor itu.", "Kejaksaan", "Kejaksan"),
    ("Surat edaran itu diteken {N} Perhubungan.", "Menteri", "Menetri"),
    ("Rapat dipimpin Wakil {N} Jawa Timur.", "Gubernur", "Gubernir"),
    ("Laporan itu diterima {N} Jenderal Pajak.", "Direktorat", "Direktorak"),
    ("Warga mendatangi kantor {N} Cibinong.", "Kecamatan", "Kecamatn"),
    ("Anggaran untuk {N} Pertanian dipangkas.", "Kementerian", "Kementerain"),
    ("Staf {N} Negara menyiapkan acara pelantikan.", "Sekretariat", "Sekretarit"),
    ("Usulan itu disampaikan ke Pemerintah {N} Papua Tengah.", "Provinsi", "Provinis"),
]


def names():
    cases = []
    for sentence, name, word, wrong_word in NAME_CASES:
        if word is None:
            continue
        wrong_name = name.replace(word, wrong_word)
        text = sentence.format(N=wrong_name)
        cases.append(case("known-name", "spelling", text, wrong_word, sentence.format(N=name)))
    for sentence, right, wrong in WELL_KNOWN_CASES:
        cases.append(case("known-name", "spelling", sentence.format(N=wrong), wrong, sentence.format(N=right)))
    return cases


def case(kind, rule, text, wrong, fixed):
    assert wrong in text, (wrong, text)
    return {"kind": kind, "rule": rule, "text": text, "wrong": wrong, "fixed": fixed}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=28)
    parser.add_argument("--out", default=str(ROOT / "fixtures" / "mt" / "artefacts.jsonl"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = sentence_breaks(rng) + boilerplate(rng) + word_order(rng) + dates(rng) + numbers() + names()
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases written to {out}")


if __name__ == "__main__":
    main()
