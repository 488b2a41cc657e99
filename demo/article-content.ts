/**
 * The seed article (situsenergi.com, 11 March 2025) as data: the Indonesian original as
 * published, and a faithful English translation. Copied here so the product never reads the
 * repository's shared/ folder at runtime.
 */
export interface ArticleContent {
  category: string;
  title: string;
  /** Shown as the site printed it. */
  dateText: string;
  /** ISO date for <time datetime>. */
  dateIso: string;
  author: string;
  dateline: string;
  /** Body paragraphs, in order; plain text (escaped when rendered). */
  paragraphs: readonly string[];
  tags: readonly string[];
}

export const articleId: ArticleContent = {
  category: 'ENERGI',
  title: 'Kemenperin dan UNIDO Kolaborasi Dukung Hilirisasi Mineral Kritis Berkelanjutan',
  dateText: 'March 11, 2025',
  dateIso: '2025-03-11',
  author: 'Editor SitusEnergi',
  dateline: 'Jakarta, situsenergi.com',
  paragraphs: [
    'Kementerian Perindustrian (Kemenperin) bersama United Nations Industrial Development Organization (UNIDO) memperkuat kerja sama dalam pengembangan industri hijau dan hilirisasi mineral kritis, seperti nikel. Kemitraan ini bertujuan untuk meningkatkan daya saing industri nasional melalui pendekatan berbasis lingkungan dan keberlanjutan.',
    'Direktur Jenderal Ketahanan, Perwilayahan, dan Akses Industri Internasional (KPAII) Kemenperin, Tri Supondy, mengapresiasi inisiatif UNIDO dalam mendukung penguatan standar kawasan industri ramah lingkungan. Menurutnya, hal ini sejalan dengan kebijakan Kemenperin yang tengah merancang regulasi terkait kawasan industri berkelanjutan.',
    '“UNIDO menunjukkan minat besar dalam pengembangan program peningkatan kapasitas tenaga kerja industri, bekerja sama dengan universitas di China dan Eropa. Selain itu, mereka juga mengusulkan kolaborasi dalam pengelolaan serta daur ulang baterai lithium dari industri kendaraan listrik,” ujar Tri dalam pertemuan di Jakarta, Selasa (11/3/2025).',
    'Ke depan, kerja sama ini akan diperluas ke sektor digitalisasi industri dan penerapan ekonomi sirkular. Tri optimistis sinergi antara Kemenperin dan UNIDO akan mempercepat pertumbuhan industri nasional yang lebih ramah lingkungan serta berdaya saing di pasar global.',
    'Managing Director UNIDO, Ciyong Zou, turut mengapresiasi langkah strategis Indonesia dalam membangun ekosistem industri hijau dan hilirisasi mineral.',
    '“Indonesia memiliki potensi besar dalam sektor manufaktur dan pengelolaan sumber daya mineral. Kami siap memberikan dukungan melalui transfer teknologi serta pendampingan teknis guna memperkuat infrastruktur industri yang berkelanjutan,” ungkap Zou.',
    'Kolaborasi ini menjadi langkah konkret dalam mewujudkan industri nasional yang lebih maju, mandiri, dan berkelanjutan. Dengan dukungan UNIDO, Indonesia diharapkan semakin siap menghadapi tantangan global dalam industri hijau dan hilirisasi mineral kritis. (DIN/GIT).',
  ],
  tags: ['Kemenperin', 'UNIDO', 'Hilirisasi', 'Mineral Kritis', 'Industri Hijau'],
};

export const articleEn: ArticleContent = {
  category: 'ENERGY',
  title: 'Ministry of Industry and UNIDO Join Forces to Support Sustainable Downstreaming of Critical Minerals',
  dateText: 'March 11, 2025',
  dateIso: '2025-03-11',
  author: 'Editor SitusEnergi',
  dateline: 'Jakarta, situsenergi.com',
  paragraphs: [
    'The Ministry of Industry (Kemenperin) and the United Nations Industrial Development Organization (UNIDO) are strengthening their cooperation on developing green industry and the downstreaming of critical minerals such as nickel. The partnership aims to raise the competitiveness of national industry through an approach grounded in the environment and sustainability.',
    'The Ministry of Industry’s Director General of Resilience, Regional Development and International Industrial Access (KPAII), Tri Supondy, welcomed UNIDO’s initiative to support stronger standards for environmentally friendly industrial estates. He said this is in line with the ministry’s policy, as it is drafting regulations on sustainable industrial estates.',
    '“UNIDO has shown great interest in developing capacity-building programmes for the industrial workforce, in cooperation with universities in China and Europe. They have also proposed collaborating on the management and recycling of lithium batteries from the electric vehicle industry,” Tri said at a meeting in Jakarta on Tuesday (11/3/2025).',
    'Going forward, the cooperation will be extended to industrial digitalisation and the application of the circular economy. Tri is optimistic that the synergy between the ministry and UNIDO will accelerate the growth of a national industry that is more environmentally friendly and competitive in the global market.',
    'UNIDO Managing Director Ciyong Zou also commended Indonesia’s strategic steps in building a green industry ecosystem and in mineral downstreaming.',
    '“Indonesia has great potential in manufacturing and in managing mineral resources. We are ready to provide support through technology transfer and technical assistance to strengthen sustainable industrial infrastructure,” Zou said.',
    'The collaboration is a concrete step towards a national industry that is more advanced, self-reliant and sustainable. With UNIDO’s support, Indonesia is expected to be better prepared to face global challenges in green industry and the downstreaming of critical minerals. (DIN/GIT).',
  ],
  tags: ['Ministry of Industry', 'UNIDO', 'Downstreaming', 'Critical Minerals', 'Green Industry'],
};
